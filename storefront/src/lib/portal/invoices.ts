import "server-only"

import { portalFetch } from "./client"
import type {
  PortalInvoiceFilters,
  PortalInvoiceResponse,
  PortalInvoicesResponse,
} from "./types"

/**
 * `GET /store/portal/invoices`: the customer's invoices, newest first. Empty filters are left
 * out; 400 for a bad filter value, 401 once the session has ended.
 */
export async function listInvoices(
  sessionToken: string,
  {
    limit = 10,
    offset = 0,
    ...filters
  }: PortalInvoiceFilters & { limit?: number; offset?: number } = {}
): Promise<PortalInvoicesResponse> {
  const query: Record<string, string | number> = { limit, offset }
  for (const [key, value] of Object.entries(filters)) {
    if (value) {
      query[key] = value
    }
  }
  return portalFetch<PortalInvoicesResponse>("/store/portal/invoices", {
    token: sessionToken,
    query,
  })
}

/** `GET /store/portal/invoices/:id`; 404 for an invoice that is not the customer's, 401 once the session has ended. */
export async function getInvoice(
  sessionToken: string,
  invoiceId: string
): Promise<PortalInvoiceResponse> {
  return portalFetch<PortalInvoiceResponse>(
    `/store/portal/invoices/${encodeURIComponent(invoiceId)}`,
    { token: sessionToken }
  )
}

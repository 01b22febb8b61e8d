import type { InvoiceDTO } from "../../modules/customer-portal/service"
import type { AdminListInvoicesType } from "../admin/validators"
import { issuedBetween, presentInvoice } from "./portal-invoice"

/** The merchant's invoice filters: status, customer, order, mode, number or email, issue dates. */
export function adminInvoiceFilters(query: Omit<AdminListInvoicesType, "limit" | "offset">): Record<string, unknown> {
  const { status, customer_id, order_id, mode, q, from, to } = query
  const like = q ? `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
  return {
    ...(status ? { status } : {}),
    ...(customer_id ? { customer_id } : {}),
    ...(order_id ? { order_id } : {}),
    ...(mode ? { mode } : {}),
    ...(like ? { $or: [{ number: { $ilike: like } }, { customer_email: { $ilike: like.toLowerCase() } }] } : {}),
    ...issuedBetween(from, to),
  }
}

/** An invoice as the merchant sees it: the customer's view plus the references behind it. */
export function presentAdminInvoice(invoice: InvoiceDTO, options: { lines?: boolean } = {}) {
  return {
    ...presentInvoice(invoice, options),
    mode: invoice.mode,
    customer_id: invoice.customer_id,
    customer_email: invoice.customer_email,
    customer_name: invoice.customer_name,
    order_id: invoice.order_id,
    subscription_id: invoice.subscription_id,
    payment_id: invoice.payment_id,
  }
}

import type { MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_PORTAL_MODULE } from "../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../modules/customer-portal/service"
import type { PortalRequest } from "../../../utils/portal-auth"
import { portalInvoiceFilters } from "../../../utils/portal-invoice"
import type { StorePortalListInvoicesType } from "../validators"

/**
 * P1 billing history: the customer's invoices (every record with their
 * email, in the session's mode), newest first, one page at a time, by status
 * and issue date. Served from the (customer_id, mode, issued_at) index.
 */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const { limit, offset, ...filters } = req.validatedQuery as StorePortalListInvoicesType
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [invoices, count] = await service.listInvoiceSummaries(portalInvoiceFilters(req.portal, filters), { skip: offset, take: limit })
  res.json({ invoices, count, limit, offset })
}

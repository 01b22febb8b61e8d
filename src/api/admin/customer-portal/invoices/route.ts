import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_PORTAL_MODULE } from "../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../modules/customer-portal/service"
import { adminInvoiceFilters, presentAdminInvoice } from "../../../utils/admin-invoice"
import type { AdminListInvoicesType } from "../../validators"

/** Every invoice of the store, newest first, by status, customer, order, number or email, and issue date. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, ...filters } = req.validatedQuery as AdminListInvoicesType
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [invoices, count] = await service.listAndCountInvoices(adminInvoiceFilters(filters), {
    skip: offset,
    take: limit,
    order: { issued_at: "DESC", id: "DESC" },
    relations: ["lines"],
  })
  res.json({ invoices: invoices.map((invoice) => presentAdminInvoice(invoice)), count, limit, offset })
}

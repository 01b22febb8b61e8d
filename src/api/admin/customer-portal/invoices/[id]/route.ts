import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../modules/customer-portal/service"
import { presentAdminInvoice } from "../../../../utils/admin-invoice"

/** One invoice with its lines. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [invoice] = await service.listInvoices({ id: req.params.id }, { take: 1, relations: ["lines"] })
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no invoice with the id ${req.params.id}.`)
  }
  res.json({ invoice: presentAdminInvoice(invoice, { lines: true }) })
}

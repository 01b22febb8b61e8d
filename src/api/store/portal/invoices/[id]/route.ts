import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../modules/customer-portal/service"
import type { PortalRequest } from "../../../../utils/portal-auth"
import { presentInvoice } from "../../../../utils/portal-invoice"

/** One invoice of the signed-in customer; anyone else's is a 404, exactly like one that does not exist. */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [invoice] = await service.listInvoices(
    { id: req.params.id, customer_id: req.portal.customer_ids, mode: req.portal.mode },
    { take: 1, relations: ["lines"] }
  )
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "There is no such invoice in your account.")
  }
  res.json({ invoice: presentInvoice(invoice, { lines: true }) })
}

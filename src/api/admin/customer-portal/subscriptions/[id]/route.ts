import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../modules/customer-portal/service"
import { presentAdminInvoice } from "../../../../utils/admin-invoice"

/** One subscription with its invoices (newest first, up to 20). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [sub] = await service.listSubscriptions({ id: req.params.id }, { take: 1 })
  if (!sub) throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no subscription with the id ${req.params.id}.`)
  const invoices = await service.listInvoices({ subscription_id: sub.id }, { take: 20, order: { issued_at: "DESC" }, relations: ["lines"] })
  res.json({ subscription: { ...sub, amount: Number(sub.amount) }, invoices: invoices.map((i) => presentAdminInvoice(i)) })
}

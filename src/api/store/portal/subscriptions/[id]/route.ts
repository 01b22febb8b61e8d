import type { MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../modules/customer-portal/service"
import type { PortalRequest } from "../../../../utils/portal-auth"
import { presentInvoice } from "../../../../utils/portal-invoice"
import { outstandingBySubscription, ownSubscription, presentSubscription } from "../../../../utils/portal-subscription"

/** One subscription of the signed-in customer, with its latest invoices; anyone else's is a 404. */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const sub = await ownSubscription(req.scope, req.portal, req.params.id)
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const portal = req.portal.settings
  const outstanding = await outstandingBySubscription(service, [sub])
  const invoices = await service.listInvoices(
    { subscription_id: sub.id },
    { take: 5, order: { issued_at: "DESC" }, relations: ["lines"] }
  )
  res.json({
    subscription: presentSubscription(sub, { portal, outstanding: outstanding.get(sub.id) }),
    invoices: invoices.map((invoice) => presentInvoice(invoice)),
  })
}

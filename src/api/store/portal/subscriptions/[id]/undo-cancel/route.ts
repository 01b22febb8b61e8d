import type { MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../../modules/customer-portal/service"
import { undoSubscriptionCancellationWorkflow } from "../../../../../../workflows/change-subscription"
import type { PortalRequest } from "../../../../../utils/portal-auth"
import { requestLanguage } from "../../../../../utils/portal-invoice"
import { ownSubscription, presentSubscription } from "../../../../../utils/portal-subscription"

/** P2: undoes a cancellation scheduled for the end of the period, while the period runs. */
export const POST = async (req: PortalRequest, res: MedusaResponse) => {
  const sub = await ownSubscription(req.scope, req.portal, req.params.id)
  const { result } = await undoSubscriptionCancellationWorkflow(req.scope).run({
    input: { subscription_id: sub.id, locale: requestLanguage(req) },
  })
  const portal = await req.scope.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE).retrieveCustomerPortal(req.portal.portal_id)
  res.json({ subscription: presentSubscription(result.subscription, { portal }) })
}

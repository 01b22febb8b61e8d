import type { MedusaResponse } from "@medusajs/framework/http"
import { undoSubscriptionCancellationWorkflow } from "../../../../../../workflows/change-subscription"
import type { PortalRequest } from "../../../../../utils/portal-auth"
import { requestLanguage } from "../../../../../utils/portal-invoice"
import { ownSubscription, presentSubscription } from "../../../../../utils/portal-subscription"
import { recordCustomerActivity } from "../../../../../utils/activity"

/** P2: undoes a cancellation scheduled for the end of the period, while the period runs. */
export const POST = async (req: PortalRequest, res: MedusaResponse) => {
  const sub = await ownSubscription(req.scope, req.portal, req.params.id)
  const { result } = await undoSubscriptionCancellationWorkflow(req.scope).run({
    input: { subscription_id: sub.id, locale: requestLanguage(req) },
  })
  const portal = req.portal.settings
  await recordCustomerActivity(req, "cancellation_undone", { plan: sub.plan_title })
  res.json({ subscription: presentSubscription(result.subscription, { portal }) })
}

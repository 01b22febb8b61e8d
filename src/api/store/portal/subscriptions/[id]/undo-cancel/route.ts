import type { MedusaResponse } from "@medusajs/framework/http"
import { undoSubscriptionCancellationWorkflow } from "../../../../../../workflows/change-subscription"
import { customerActor } from "../../../../../utils/activity"
import type { PortalRequest } from "../../../../../utils/portal-auth"
import { requestLanguage } from "../../../../../utils/portal-invoice"
import { ownSubscription, presentSubscription } from "../../../../../utils/portal-subscription"

/** P2: undoes a cancellation scheduled for the end of the period, while the period runs. */
export const POST = async (req: PortalRequest, res: MedusaResponse) => {
  const sub = await ownSubscription(req.scope, req.portal, req.params.id)
  const { result } = await undoSubscriptionCancellationWorkflow(req.scope).run({
    input: { subscription_id: sub.id, actor: customerActor(req), locale: requestLanguage(req) },
  })
  res.json({ subscription: presentSubscription(result.subscription, { portal: req.portal.settings }) })
}

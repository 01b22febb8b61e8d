import type { MedusaResponse } from "@medusajs/framework/http"
import { cancelSubscriptionWorkflow } from "../../../../../../workflows/change-subscription"
import { customerActor } from "../../../../../utils/activity"
import type { PortalRequest } from "../../../../../utils/portal-auth"
import { requestLanguage } from "../../../../../utils/portal-invoice"
import { ownSubscription, presentSubscription } from "../../../../../utils/portal-subscription"
import type { StorePortalCancelSubscriptionType } from "../../../validators"

/**
 * P2: the customer cancels now or at the end of the period, as the portal
 * settings allow (the workflow applies them; a refusal is a 400 with its
 * `code`), with a reason.
 */
export const POST = async (req: PortalRequest<StorePortalCancelSubscriptionType>, res: MedusaResponse) => {
  const sub = await ownSubscription(req.scope, req.portal, req.params.id)
  const { when, reason, comment } = req.validatedBody
  const { result } = await cancelSubscriptionWorkflow(req.scope).run({
    input: { subscription_id: sub.id, when, reason, comment: comment ?? null, actor: customerActor(req), locale: requestLanguage(req) },
  })
  res.json({ subscription: presentSubscription(result.subscription, { portal: req.portal.settings }) })
}

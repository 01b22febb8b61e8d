import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { cancelSubscriptionWorkflow } from "../../../../../../workflows/change-subscription"
import type { PortalRequest } from "../../../../../utils/portal-auth"
import { requestLanguage } from "../../../../../utils/portal-invoice"
import { cancellationOptions, ownSubscription, presentSubscription } from "../../../../../utils/portal-subscription"
import type { StorePortalCancelSubscriptionType } from "../../../validators"
import { recordCustomerActivity } from "../../../../../utils/activity"

/** P2: the customer cancels now or at the end of the period, as the portal settings allow, with a reason. */
export const POST = async (req: PortalRequest<StorePortalCancelSubscriptionType>, res: MedusaResponse) => {
  const sub = await ownSubscription(req.scope, req.portal, req.params.id)
  const portal = req.portal.settings
  const { when, reason, comment } = req.validatedBody
  if (!portal.allow_cancellation) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Subscriptions cannot be cancelled from this portal. Contact the store to cancel.")
  }
  if (!cancellationOptions(portal, sub).cancel.includes(when)) {
    const message =
      sub.status === "cancelled" || sub.status === "expired"
        ? "This subscription has already ended."
        : sub.cancel_at_period_end
          ? "This subscription already ends at the end of its period."
          : when === "now"
            ? "This store lets subscriptions end only at the end of the period. Choose “At the end of the period”."
            : sub.status === "on_hold"
              ? "An on-hold subscription has no paid period left: it can only be cancelled now."
              : "This store ends subscriptions at once. Choose “Now”."
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
  }
  const { result } = await cancelSubscriptionWorkflow(req.scope).run({
    input: { subscription_id: sub.id, when, reason, comment: comment ?? null, by: "customer", locale: requestLanguage(req) },
  })
  await recordCustomerActivity(req, "subscription_cancelled", { plan: sub.plan_title, when, reason })
  res.json({ subscription: presentSubscription(result.subscription, { portal }) })
}

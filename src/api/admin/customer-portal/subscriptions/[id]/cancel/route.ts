import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../../modules/customer-portal/service"
import { cancelSubscriptionWorkflow } from "../../../../../../workflows/change-subscription"
import { adminActor } from "../../../../../utils/activity"
import type { AdminCancelSubscriptionType } from "../../../../validators"

/** The merchant cancels a subscription now or at period end, whatever the portal lets customers do. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCancelSubscriptionType>, res: MedusaResponse) => {
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [sub] = await service.listSubscriptions({ id: req.params.id }, { take: 1 })
  if (!sub) throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no subscription with the id ${req.params.id}.`)
  const { when, reason, comment } = req.validatedBody
  const { result } = await cancelSubscriptionWorkflow(req.scope).run({
    input: { subscription_id: sub.id, when, reason: reason ?? null, comment: comment ?? null, actor: adminActor(req) },
  })
  res.json({ subscription: { ...result.subscription, amount: Number(result.subscription.amount) } })
}

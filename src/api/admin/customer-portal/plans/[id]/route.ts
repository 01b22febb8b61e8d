import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../modules/customer-portal/service"

/** Stops selling the variant as a subscription. Subscriptions already running go on. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [plan] = await service.listSubscriptionPlans({ id: req.params.id }, { take: 1 })
  if (!plan) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no subscription plan with the id ${req.params.id}.`)
  }
  await service.softDeleteSubscriptionPlans(plan.id)
  res.json({ id: plan.id, object: "subscription_plan", deleted: true })
}

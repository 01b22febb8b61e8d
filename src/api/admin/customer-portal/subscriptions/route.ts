import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_PORTAL_MODULE } from "../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../modules/customer-portal/service"
import type { AdminListSubscriptionsType } from "../../validators"

/** Every subscription of the store, newest first, by status, customer, plan (variant) and mode. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, ...filters } = req.validatedQuery as AdminListSubscriptionsType
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const where = Object.fromEntries(Object.entries(filters).filter(([, v]) => v))
  const [subscriptions, count] = await service.listAndCountSubscriptions(where, { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } })
  res.json({ subscriptions: subscriptions.map((s) => ({ ...s, amount: Number(s.amount) })), count, limit, offset })
}

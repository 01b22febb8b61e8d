import type { MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_PORTAL_MODULE } from "../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../modules/customer-portal/service"
import type { PortalRequest } from "../../../utils/portal-auth"
import { outstandingBySubscription, presentSubscription } from "../../../utils/portal-subscription"
import type { StorePortalListSubscriptionsType } from "../validators"

/**
 * P2: the customer's subscriptions — `current` (active and on hold) or `past`
 * (cancelled and expired), newest first, a page at a time — with what an
 * on-hold one owes and what the customer may do.
 */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const { limit, offset, state } = req.validatedQuery as StorePortalListSubscriptionsType
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const status = state === "past" ? ["cancelled", "expired"] : state === "current" ? ["active", "on_hold"] : undefined
  const [subs, count] = await service.listOwnedRows(
    "subscription",
    { customer_id: req.portal.customer_ids, mode: req.portal.mode, status },
    { skip: offset, take: limit }
  )
  const portal = req.portal.settings
  const outstanding = await outstandingBySubscription(service, subs)
  res.json({
    subscriptions: subs.map((sub) => presentSubscription(sub, { portal, outstanding: outstanding.get(sub.id) })),
    count,
    limit,
    offset,
  })
}

import type { MedusaResponse } from "@medusajs/framework/http"
import type { PortalRequest } from "../../../utils/portal-auth"
import { offeredPaymentProviders } from "../../../utils/portal-payment-providers"
import { ownSubscription } from "../../../utils/portal-subscription"
import type { StorePortalListPaymentProvidersType } from "../validators"

/**
 * The providers the customer can add a card with, for the storefront's card
 * form: `{ payment_providers: [{ id, kind, publishable_key?, current }] }`.
 * With `subscription_id`, only those that take payments where it renews;
 * `current` marks the one that pays it now. Only the session's mode: test
 * cards in test sessions, Stripe in the mode of its publishable key.
 */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const { subscription_id } = req.validatedQuery as StorePortalListPaymentProvidersType
  const sub = subscription_id ? await ownSubscription(req.scope, req.portal, subscription_id) : null
  res.json({ payment_providers: await offeredPaymentProviders(req.scope, req.portal, sub) })
}

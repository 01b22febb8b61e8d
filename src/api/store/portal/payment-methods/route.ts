import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { adapterFor } from "../../../../lib/payment-adapters"
import { providerRefusal } from "../../../../lib/provider-refusals"
import type { PortalRequest } from "../../../utils/portal-auth"
import { ensureAccountHolder, listOwnedPaymentMethods, presentOwned, presentPaymentMethod, providersFor } from "../../../utils/portal-payment-methods"
import { newCardOwner } from "../../../utils/portal-payment-providers"
import { ownSubscription } from "../../../utils/portal-subscription"
import type { StorePortalAddPaymentMethodType, StorePortalListPaymentMethodsType } from "../validators"
import { recordCustomerActivity } from "../../../utils/activity"

/**
 * P3: the customer's saved payment methods (brand, last four, expiry), from
 * the account holders of the records their session sees. With
 * `subscription_id`, exactly those that can pay that subscription: their
 * provider takes payments where it renews. `unavailable_providers`: the
 * providers that could not list their methods just now, so the page can say
 * that some may be missing rather than show an empty list as the truth.
 */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const { subscription_id } = req.validatedQuery as StorePortalListPaymentMethodsType
  const providers = subscription_id ? await providersFor(req.scope, await ownSubscription(req.scope, req.portal, subscription_id)) : null
  const { methods, unavailable_providers } = await listOwnedPaymentMethods(req.scope, req.portal, providers)
  res.json({ payment_methods: methods.map(presentOwned), unavailable_providers })
}

/**
 * P3, M2: saves a new method through the provider's own flow: the storefront
 * hands over what the provider's form produced — the test card provider's
 * card id (POST /store/test-cards), or the method a Stripe SetupIntent from
 * POST /store/portal/payment-methods/setups attached — never a card number.
 * It is saved with the account holder (made when there is none) of the
 * record `newCardOwner` chooses.
 */
export const POST = async (req: PortalRequest<StorePortalAddPaymentMethodType>, res: MedusaResponse) => {
  const { provider_id, payment_method_id, subscription_id } = req.validatedBody
  const owner = await newCardOwner(req.scope, req.portal, provider_id, subscription_id)
  const holder = await ensureAccountHolder(req.scope, owner, provider_id)
  let saved
  try {
    // The same card sent twice for one holder is one request to the provider.
    saved = await adapterFor(provider_id).save(req.scope, holder, provider_id, { payment_method_id }, `portal-save:${holder.id}:${payment_method_id}`)
  } catch (error) {
    throw refusalOf(req, error)
  }
  const payment_method = presentPaymentMethod({ id: saved.id, provider_id, data: saved.data })
  await recordCustomerActivity(req, "payment_method_added", { brand: payment_method.brand, last4: payment_method.last4 })
  res.status(201).json({ payment_method })
}

/**
 * The Payment Module gathers provider errors into a plain Error carrying only
 * their messages. They are never shown as they are (they can hold ids and the
 * store's setup): `providerRefusal` maps a known code or standard sentence to
 * the portal's own, with its `code`; anything else is logged and answered with
 * the general sentence. An unknown method is a 404. An adapter's own refusal
 * is already the portal's sentence.
 */
function refusalOf(req: PortalRequest, error: unknown): MedusaError {
  if (MedusaError.isMedusaError(error) && (error as MedusaError).code === "payment_method_not_saved") return error as MedusaError
  const text = String((error as Error)?.message ?? "")
  const refusal = providerRefusal(text)
  if (refusal.code === "no_such_payment_method") {
    return new MedusaError(MedusaError.Types.NOT_FOUND, refusal.message, refusal.code)
  }
  if (refusal.code === "payment_method_not_saved") {
    req.scope.resolve("logger").error(`Customer portal: saving a payment method failed: ${text}`)
  }
  return new MedusaError(MedusaError.Types.INVALID_DATA, refusal.message, refusal.code)
}

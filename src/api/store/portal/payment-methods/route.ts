import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { mayReceivePaymentMethods } from "../../../../lib/identity"
import { paymentModeRefusal } from "../../../../lib/portal-policy"
import { providerRefusal } from "../../../../lib/provider-refusals"
import { CUSTOMER_PORTAL_MODULE } from "../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../modules/customer-portal/service"
import type { PortalRequest } from "../../../utils/portal-auth"
import { ensureAccountHolder, ownedPaymentMethods, presentOwned, presentPaymentMethod, providersFor } from "../../../utils/portal-payment-methods"
import { ownSubscription } from "../../../utils/portal-subscription"
import type { StorePortalAddPaymentMethodType, StorePortalListPaymentMethodsType } from "../validators"
import { recordCustomerActivity } from "../../../utils/activity"

export const PROVIDER_UNAVAILABLE = "This payment provider is not available. Choose another way to pay."

/**
 * P3: the customer's saved payment methods (brand, last four, expiry), from
 * the account holders of the records their session sees. With
 * `subscription_id`, exactly those that can pay that subscription: their
 * provider takes payments where it renews.
 */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const { subscription_id } = req.validatedQuery as StorePortalListPaymentMethodsType
  const providers = subscription_id ? await providersFor(req.scope, await ownSubscription(req.scope, req.portal, subscription_id)) : null
  res.json({ payment_methods: (await ownedPaymentMethods(req.scope, req.portal, providers)).map(presentOwned) })
}

/**
 * P3, M2: saves a new method through the provider's own flow: the storefront
 * hands over what the provider's form produced (for the test card provider,
 * the card id from POST /store/test-cards), never a card number. It is saved
 * with the account holder (made when there is none) of the session's own
 * record — or, when it is added for a subscription of another record the
 * session may give methods to, of that record, so that it can pay it (see
 * `mayReceivePaymentMethods`).
 */
export const POST = async (req: PortalRequest<StorePortalAddPaymentMethodType>, res: MedusaResponse) => {
  const { provider_id, payment_method_id, subscription_id } = req.validatedBody
  const [provider] = await req.scope.resolve(Modules.PAYMENT).listPaymentProviders({ id: provider_id, is_enabled: true }, { take: 1 })
  if (!provider) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, PROVIDER_UNAVAILABLE)
  }
  const wrongMode = paymentModeRefusal(provider_id, req.portal.mode, req.scope.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE).getOptions().testPaymentProviders)
  if (wrongMode) throw wrongMode
  let owner = req.portal.customer_id
  if (subscription_id) {
    const sub = await ownSubscription(req.scope, req.portal, subscription_id)
    const providers = await providersFor(req.scope, sub)
    if (providers && !providers.includes(provider_id)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, PROVIDER_UNAVAILABLE)
    }
    if (await mayReceivePaymentMethods(req.scope, req.portal, sub.customer_id)) owner = sub.customer_id
  }
  const holder = await ensureAccountHolder(req.scope, owner, provider_id)
  let saved
  try {
    saved = await req.scope
      .resolve(Modules.PAYMENT)
      .createPaymentMethods({ provider_id, data: { payment_method_id }, context: { account_holder: holder } as any })
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
 * the general sentence. An unknown method is a 404.
 */
function refusalOf(req: PortalRequest, error: unknown): MedusaError {
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

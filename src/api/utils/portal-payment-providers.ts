import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { mayReceivePaymentMethods } from "../../lib/identity"
import { knownAdapterFor, type PaymentAdapterKind } from "../../lib/payment-adapters"
import { paymentModeRefusal } from "../../lib/portal-policy"
import { providerMode } from "../../lib/record-mode"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import type { SubscriptionDTO } from "../../modules/customer-portal/service"
import type { PortalContext } from "./portal-auth"
import { providersFor } from "./portal-payment-methods"
import { ownSubscription } from "./portal-subscription"

export const PROVIDER_UNAVAILABLE = "This payment provider is not available. Choose another way to pay."

export type OfferedPaymentProvider = { id: string; kind: Exclude<PaymentAdapterKind, "generic">; publishable_key?: string; current: boolean }

/**
 * The providers a customer can add a card with: enabled in the Payment
 * Module, and in the subscription's region when there is one (as Medusa
 * checks before a cart is paid); one the portal has a card form for (Stripe
 * only with a publishable key configured); and of the session's mode — the
 * test card provider in test sessions only, Stripe in the mode of its key.
 */
export async function offeredPaymentProviders(scope: MedusaContainer, portal: PortalContext, sub: SubscriptionDTO | null): Promise<OfferedPaymentProvider[]> {
  const options = scope.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE).getOptions()
  const enabled = await scope.resolve(Modules.PAYMENT).listPaymentProviders({ is_enabled: true })
  const inRegion = sub ? await providersFor(scope, sub) : null
  const offered: OfferedPaymentProvider[] = []
  for (const { id } of [...enabled].sort((a, b) => a.id.localeCompare(b.id))) {
    const adapter = knownAdapterFor(id)
    if (!adapter || adapter.kind === "generic") continue
    if (inRegion && !inRegion.includes(id)) continue
    if (providerMode(id, options.testPaymentProviders) !== portal.mode) continue
    const publishableKey = options.paymentProviders[id]?.publishableKey ?? null
    // Stripe's card form runs in the browser with the publishable key: without one there is no form.
    if (adapter.kind === "stripe" && !publishableKey) continue
    offered.push({ id, kind: adapter.kind, ...(publishableKey ? { publishable_key: publishableKey } : {}), current: !!sub && sub.payment_provider_id === id })
  }
  return offered
}

/**
 * The customer record a new card of this provider is saved for: the
 * session's own — or, when it is added for a subscription of another record
 * the session may give methods to, that record, so that it can pay it (see
 * `mayReceivePaymentMethods`). Refuses a provider that is not enabled, of the
 * other mode, or not taking payments where the subscription renews.
 */
export async function newCardOwner(scope: MedusaContainer, portal: PortalContext, providerId: string, subscriptionId?: string): Promise<string> {
  const [provider] = await scope.resolve(Modules.PAYMENT).listPaymentProviders({ id: providerId, is_enabled: true }, { take: 1 })
  if (!provider) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, PROVIDER_UNAVAILABLE)
  }
  const wrongMode = paymentModeRefusal(providerId, portal.mode, scope.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE).getOptions().testPaymentProviders)
  if (wrongMode) throw wrongMode
  if (!subscriptionId) return portal.customer_id
  const sub = await ownSubscription(scope, portal, subscriptionId)
  const providers = await providersFor(scope, sub)
  if (providers && !providers.includes(providerId)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, PROVIDER_UNAVAILABLE)
  }
  return (await mayReceivePaymentMethods(scope, portal, sub.customer_id)) ? sub.customer_id : portal.customer_id
}

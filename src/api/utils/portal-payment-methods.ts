import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import type { SubscriptionDTO } from "../../modules/customer-portal/service"
import { adapterFor } from "../../lib/payment-adapters"
import { providerMode, type PortalMode } from "../../lib/record-mode"

export type PortalPaymentMethod = { id: string; provider_id: string; brand: string | null; last4: string | null; exp_month: number | null; exp_year: number | null }

/** A saved method with whom it belongs to: the customer record and its account holder. */
export type OwnedPaymentMethod = PortalPaymentMethod & { customer_id: string; account_holder_id: string }

type Holder = { id: string; provider_id: string; data: Record<string, unknown>; external_id: string; customer_id: string }

/** The account holders of these customer records (one person's guest and account records each have their own), by provider. */
export async function accountHoldersOf(scope: MedusaContainer, customerIds: string[]): Promise<Holder[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "account_holders.*"], filters: { id: customerIds } })
  return data.flatMap((c: any) => (c.account_holders ?? []).filter(Boolean).map((holder: any) => ({ ...holder, customer_id: c.id }))) as Holder[]
}

/** A saved method as the portal shows it: what the provider lets anyone see of the card (read by the provider's adapter). */
export function presentPaymentMethod(method: { id: string; provider_id: string; data?: Record<string, unknown> | null }): PortalPaymentMethod {
  return { id: method.id, provider_id: method.provider_id, ...adapterFor(method.provider_id).cardOf(method.data ?? {}) }
}

/** The saved methods, and the providers that could not list them just now (the page says some may be missing). */
export type OwnedPaymentMethodsReport = { methods: OwnedPaymentMethod[]; unavailable_providers: string[] }

/**
 * Every method saved with these records' account holders, asked of each
 * provider (Medusa keeps none itself), with the record and holder it belongs
 * to, in one mode: a test session sees only test methods and a live one
 * only live methods. `providers`: only holders of these providers.
 */
export async function ownedPaymentMethods(
  scope: MedusaContainer,
  portal: { customer_ids: string[]; mode: PortalMode },
  providers?: string[] | null
): Promise<OwnedPaymentMethod[]> {
  return (await listOwnedPaymentMethods(scope, portal, providers)).methods
}

/**
 * `ownedPaymentMethods`, saying which providers failed to answer: their
 * error is logged for the merchant (it can hold the store's setup), and the
 * customer is told only that some methods could not be loaded. Only what the
 * provider's adapter offers is listed (Stripe: cards).
 */
export async function listOwnedPaymentMethods(
  scope: MedusaContainer,
  portal: { customer_ids: string[]; mode: PortalMode },
  providers?: string[] | null
): Promise<OwnedPaymentMethodsReport> {
  const payment = scope.resolve(Modules.PAYMENT)
  const testProviders = scope.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE).getOptions().testPaymentProviders
  const holders = (await accountHoldersOf(scope, portal.customer_ids)).filter(
    (holder) => (!providers || providers.includes(holder.provider_id)) && providerMode(holder.provider_id, testProviders) === portal.mode
  )
  const unavailable = new Set<string>()
  const lists = await Promise.all(
    holders.map(async (holder) => {
      const adapter = adapterFor(holder.provider_id)
      const methods = await payment.listPaymentMethods({ provider_id: holder.provider_id, context: { account_holder: holder } as any }).catch((error) => {
        scope
          .resolve(ContainerRegistrationKeys.LOGGER)
          .error(`Customer portal: listing the payment methods of account holder ${holder.id} (${holder.provider_id}) failed: ${(error as Error)?.message ?? error}`)
        unavailable.add(holder.provider_id)
        return []
      })
      return methods
        .filter((method) => adapter.listable(method.data))
        .map((method) => ({
          ...presentPaymentMethod({ ...method, provider_id: holder.provider_id }),
          customer_id: holder.customer_id,
          account_holder_id: holder.id,
        }))
    })
  )
  return { methods: lists.flat(), unavailable_providers: [...unavailable].sort() }
}

/**
 * The payment providers that can pay a subscription: those enabled in the
 * region its renewals are placed in (null: any, when it has no region).
 */
export async function providersFor(scope: MedusaContainer, sub: Pick<SubscriptionDTO, "region_id">): Promise<string[] | null> {
  if (!sub.region_id) return null
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "region", fields: ["payment_providers.id", "payment_providers.is_enabled"], filters: { id: sub.region_id } })
  return ((data[0] as any)?.payment_providers ?? []).filter((p: any) => p?.is_enabled !== false).map((p: any) => p.id)
}

/** What the customer is shown of their methods: nothing about whose record keeps each. */
export const presentOwned = ({ customer_id: _c, account_holder_id: _h, ...method }: OwnedPaymentMethod): PortalPaymentMethod => method

/** The customer's account holder with a provider, made (and linked to the customer) when they have none. */
export async function ensureAccountHolder(scope: MedusaContainer, customerId: string, providerId: string): Promise<Holder> {
  const [existing] = (await accountHoldersOf(scope, [customerId])).filter((h) => h.provider_id === providerId)
  if (existing) return existing
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name", "phone", "company_name"], filters: { id: customerId } })
  const holder = (await scope.resolve(Modules.PAYMENT).createAccountHolder({ provider_id: providerId, context: { customer } as any })) as unknown as Holder
  await scope.resolve(ContainerRegistrationKeys.LINK).create({
    [Modules.CUSTOMER]: { customer_id: customerId },
    [Modules.PAYMENT]: { account_holder_id: holder.id },
  })
  return { ...holder, customer_id: customerId }
}

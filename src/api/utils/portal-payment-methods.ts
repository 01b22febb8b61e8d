import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

export type PortalPaymentMethod = { id: string; provider_id: string; brand: string | null; last4: string | null; exp_month: number | null; exp_year: number | null }

type Holder = { id: string; provider_id: string; data: Record<string, unknown>; external_id: string }

/** The account holders of the customer's records (guest and account share an email), by provider. */
export async function accountHoldersOf(scope: MedusaContainer, customerIds: string[]): Promise<Holder[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "account_holders.*"], filters: { id: customerIds } })
  return data.flatMap((c: any) => (c.account_holders ?? []).filter(Boolean)) as Holder[]
}

/** A saved method as the portal shows it: what the provider lets anyone see of the card. */
export function presentPaymentMethod(method: { id: string; provider_id: string; data?: Record<string, unknown> | null }): PortalPaymentMethod {
  const data = (method.data ?? {}) as Record<string, any>
  const card = (data.card ?? data) as Record<string, any>
  const text = (v: unknown) => (typeof v === "string" ? v : null)
  const num = (v: unknown) => (typeof v === "number" ? v : null)
  return { id: method.id, provider_id: method.provider_id, brand: text(card.brand), last4: text(card.last4), exp_month: num(card.exp_month), exp_year: num(card.exp_year) }
}

/** Each of the customer's account holders with the methods its provider keeps for it (Medusa keeps none itself). */
async function methodsByHolder(scope: MedusaContainer, customerIds: string[]) {
  const payment = scope.resolve(Modules.PAYMENT)
  const holders = await accountHoldersOf(scope, customerIds)
  return Promise.all(
    holders.map(async (holder) => ({
      holder,
      methods: await payment.listPaymentMethods({ provider_id: holder.provider_id, context: { account_holder: holder } as any }).catch(() => []),
    }))
  )
}

/** Every method saved with the customer's account holders, asked of each provider. */
export async function savedPaymentMethods(scope: MedusaContainer, customerIds: string[]): Promise<PortalPaymentMethod[]> {
  return (await methodsByHolder(scope, customerIds)).flatMap(({ methods }) => methods.map(presentPaymentMethod))
}

/**
 * One method saved with the customer's account holders, with the holder it
 * belongs to; null when no holder of theirs has it (another customer's method
 * included).
 */
export async function findSavedPaymentMethod(
  scope: MedusaContainer,
  customerIds: string[],
  id: string
): Promise<(PortalPaymentMethod & { account_holder_id: string }) | null> {
  for (const { holder, methods } of await methodsByHolder(scope, customerIds)) {
    const found = methods.find((method) => method.id === id)
    if (found) return { ...presentPaymentMethod({ ...found, provider_id: holder.provider_id }), account_holder_id: holder.id }
  }
  return null
}

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
  return holder
}

import { Modules } from "@medusajs/framework/utils"
import { testCardAdapter } from "./test-card"
import { stripeAdapter } from "./stripe"
import { cardFields, type PortalPaymentAdapter } from "./types"

/**
 * A provider no adapter knows: what the portal did before adapters, reading
 * both shapes it knew (a card at the top of the data, or under `card`).
 */
export const genericAdapter: PortalPaymentAdapter = {
  kind: "generic",
  handles: () => true,
  async save(scope, holder, providerId, { payment_method_id }, key) {
    const saved = await scope
      .resolve(Modules.PAYMENT)
      .createPaymentMethods({ provider_id: providerId, data: { payment_method_id }, context: { account_holder: holder, idempotency_key: key } as any })
    return { id: saved.id, data: (saved.data ?? {}) as Record<string, unknown> }
  },
  listable: () => true,
  cardOf: (data) => cardFields((data as { card?: unknown } | null | undefined)?.card ?? data),
  chargeData: testCardAdapter.chargeData,
  declineOf: testCardAdapter.declineOf,
  nextActionOf: testCardAdapter.nextActionOf,
  isIndeterminate: () => false,
  methodIdOfPayment: (data) => testCardAdapter.methodIdOfPayment(data) ?? stripeAdapter.methodIdOfPayment(data),
  checkoutSaveHint: `the provider's own flag (the test card provider: ${testCardAdapter.checkoutSaveHint}; Stripe: ${stripeAdapter.checkoutSaveHint})`,
}

import { Modules } from "@medusajs/framework/utils"
import { cardFields, type PortalPaymentAdapter } from "./types"

/** The portal's own test card provider, whatever id the merchant registered it under. */
export const TEST_CARD_PROVIDER = /^pp_test-card_/

/**
 * The test card provider: the storefront's own form makes a card id
 * (POST /store/test-cards), which is saved as it is; its data is the card.
 */
export const testCardAdapter: PortalPaymentAdapter = {
  kind: "test-card",
  handles: (providerId) => TEST_CARD_PROVIDER.test(providerId),
  async save(scope, holder, providerId, { payment_method_id }, key) {
    const saved = await scope
      .resolve(Modules.PAYMENT)
      .createPaymentMethods({ provider_id: providerId, data: { payment_method_id }, context: { account_holder: holder, idempotency_key: key } as any })
    return { id: saved.id, data: (saved.data ?? {}) as Record<string, unknown> }
  },
  listable: () => true,
  cardOf: (data) => cardFields(data),
  // The provider reads `payment_method_id`; the rest is what every charge has sent so far, kept as it was.
  chargeData: (methodId, { offSession, confirmation }) => ({
    payment_method_id: methodId,
    payment_method: methodId,
    off_session: offSession,
    confirm: true,
    ...(confirmation ? { confirmation } : {}),
  }),
  declineOf(data) {
    const error = (data?.error ?? null) as { message?: unknown; code?: unknown } | null
    if (!error) return null
    return { code: typeof error.code === "string" ? error.code : null, message: typeof error.message === "string" ? error.message : "The payment method was not charged." }
  },
  nextActionOf: (data) => (data?.next_action ? { type: "confirm_card" } : null),
  // The test provider charges nothing when it fails or times out.
  isIndeterminate: () => false,
  methodIdOfPayment: (data) => (typeof data?.payment_method_id === "string" ? data.payment_method_id : undefined),
  checkoutSaveHint: "save_payment_method: true",
}

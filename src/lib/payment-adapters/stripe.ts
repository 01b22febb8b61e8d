import { MedusaError, Modules } from "@medusajs/framework/utils"
import { GENERIC_REFUSAL } from "../provider-refusals"
import { cardFields, type Decline, type PortalPaymentAdapter } from "./types"

/** Medusa's Stripe card provider (`pp_stripe_<id>`); its other methods (`pp_stripe-ideal_…`) are not cards. */
export const STRIPE_PROVIDER = /^pp_stripe_/

/** The codes the portal has its own sentence for; Stripe's 3-D Secure failure reads as "confirm with your bank". */
const KNOWN = new Set(["card_declined", "insufficient_funds", "expired_card", "authentication_required", "incorrect_cvc", "processing_error"])
const ALIASES: Record<string, string> = {
  payment_intent_authentication_failure: "authentication_required",
  setup_intent_authentication_failure: "authentication_required",
}
const known = (code: unknown) => (typeof code === "string" ? (ALIASES[code] ?? (KNOWN.has(code) ? code : null)) : null)

/**
 * Medusa's Stripe provider. A card is saved in two steps: a SetupIntent made
 * here for the customer's Stripe customer (`beginSave`), confirmed in the
 * browser by Stripe.js with its client secret (3-D Secure happens there),
 * which attaches the card to that customer; `save` then only checks that the
 * card is attached to this holder. Card data never reaches the portal.
 */
export const stripeAdapter: PortalPaymentAdapter = {
  kind: "stripe",
  handles: (providerId) => STRIPE_PROVIDER.test(providerId),
  async beginSave(scope, holder, providerId, key) {
    const seti = await scope.resolve(Modules.PAYMENT).createPaymentMethods({
      provider_id: providerId,
      data: { usage: "off_session", payment_method_types: ["card"], metadata: { customer_portal: "1" } },
      context: { account_holder: holder, idempotency_key: key } as any,
    })
    const secret = (seti.data as Record<string, unknown> | undefined)?.client_secret
    if (typeof secret !== "string") throw new Error(`The payment provider ${providerId} answered a setup without a client secret`)
    return { id: seti.id, client_secret: secret }
  },
  async save(scope, holder, providerId, { payment_method_id }) {
    const listed = await scope.resolve(Modules.PAYMENT).listPaymentMethods({ provider_id: providerId, context: { account_holder: holder } as any })
    const method = listed.find((m) => m.id === payment_method_id)
    // Only a SetupIntent made for this holder's Stripe customer (and confirmed) attaches a card to it.
    if (!method || !stripeAdapter.listable(method.data)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, GENERIC_REFUSAL, "payment_method_not_saved")
    }
    return { id: method.id, data: (method.data ?? {}) as Record<string, unknown> }
  },
  listable: (data) => data?.type === "card",
  cardOf: (data) => cardFields(data?.card),
  chargeData: (methodId, { offSession }) => ({
    payment_method: methodId,
    off_session: offSession,
    confirm: true,
    capture_method: "automatic",
    automatic_payment_methods: { enabled: true, allow_redirects: "never" },
  }),
  declineOf(data): Decline | null {
    const error = (data?.last_payment_error ?? null) as Record<string, unknown> | null
    if (!error) return null
    return {
      code: known(error.decline_code) ?? known(error.code) ?? (typeof error.code === "string" ? error.code : null),
      message: typeof error.message === "string" ? error.message : "The payment method was not charged.",
    }
  },
  nextActionOf: (data) =>
    data?.status === "requires_action" && typeof data.client_secret === "string" ? { type: "stripe_sdk", client_secret: data.client_secret } : null,
  isIndeterminate: (data) => !!data && ("indeterminate_due_to" in data || data.status === "processing"),
  methodIdOfPayment(data) {
    const pm = data?.payment_method as unknown
    if (typeof pm === "string") return pm
    const id = (pm as { id?: unknown } | null)?.id
    return typeof id === "string" ? id : undefined
  },
  checkoutSaveHint: 'setup_future_usage: "off_session"',
}

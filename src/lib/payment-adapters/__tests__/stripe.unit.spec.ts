import { MedusaError } from "@medusajs/framework/utils"
import { adapterFor, knownAdapterFor, stripeAdapter } from ".."
import { GENERIC_REFUSAL } from "../../provider-refusals"
import { declinedIntent, stripeCardMethod, stripeLinkMethod, stripePaymentIntent, stripeSetupIntent } from "./fixtures"

/** A container whose Payment Module records what it is asked and answers as Medusa's does with Stripe's provider. */
function scopeWith(payment: Record<string, jest.Mock>) {
  return { resolve: () => payment } as any
}
const holder = { id: "acchld_01", provider_id: "pp_stripe_stripe", data: { id: "cus_QxLayla" } }

describe("Stripe payment adapter", () => {
  it("handles Medusa's Stripe card provider only, not its other payment methods", () => {
    expect(adapterFor("pp_stripe_stripe")).toBe(stripeAdapter)
    expect(adapterFor("pp_stripe_eu")).toBe(stripeAdapter)
    expect(knownAdapterFor("pp_stripe-ideal_stripe")).toBeNull()
    expect(adapterFor("pp_stripe-ideal_stripe").kind).toBe("generic")
  })

  it("begins a save with an off-session, cards-only SetupIntent under the given idempotency key, and returns its client secret", async () => {
    const createPaymentMethods = jest.fn().mockResolvedValue({ id: "seti_1PxSetup", data: stripeSetupIntent(), provider_id: "pp_stripe_stripe" })
    const setup = await stripeAdapter.beginSave!(scopeWith({ createPaymentMethods }), holder, "pp_stripe_stripe", "portal-setup:acchld_01:k1")
    expect(setup).toEqual({ id: "seti_1PxSetup", client_secret: "seti_1PxSetup_secret_abc123" })
    expect(createPaymentMethods).toHaveBeenCalledWith({
      provider_id: "pp_stripe_stripe",
      data: { usage: "off_session", payment_method_types: ["card"], metadata: { customer_portal: "1" } },
      context: { account_holder: holder, idempotency_key: "portal-setup:acchld_01:k1" },
    })
    // Never the test card provider's key, which Stripe refuses as an unknown parameter.
    expect(JSON.stringify(createPaymentMethods.mock.calls)).not.toContain("payment_method_id")
  })

  it("saves a card only once it is attached to this holder's Stripe customer, and never calls Stripe to attach it", async () => {
    const listPaymentMethods = jest.fn().mockResolvedValue([{ id: "pm_1PxVisa4242", data: stripeCardMethod() }])
    const createPaymentMethods = jest.fn()
    const scope = scopeWith({ listPaymentMethods, createPaymentMethods })
    const saved = await stripeAdapter.save(scope, holder, "pp_stripe_stripe", { payment_method_id: "pm_1PxVisa4242" }, "k")
    expect(saved.id).toBe("pm_1PxVisa4242")
    expect(stripeAdapter.cardOf(saved.data)).toEqual({ brand: "visa", last4: "4242", exp_month: 12, exp_year: 2034 })
    expect(listPaymentMethods).toHaveBeenCalledWith({ provider_id: "pp_stripe_stripe", context: { account_holder: holder } })
    expect(createPaymentMethods).not.toHaveBeenCalled()

    // Not attached (never confirmed, declined at confirmation, or another customer's): the portal's own sentence.
    const refused = await stripeAdapter.save(scope, holder, "pp_stripe_stripe", { payment_method_id: "pm_someone_else" }, "k").catch((e) => e)
    expect(MedusaError.isMedusaError(refused)).toBe(true)
    expect(refused).toMatchObject({ type: MedusaError.Types.INVALID_DATA, message: GENERIC_REFUSAL, code: "payment_method_not_saved" })
  })

  it("refuses to save a listed method that is not a card", async () => {
    const listPaymentMethods = jest.fn().mockResolvedValue([{ id: "pm_1PxLink", data: stripeLinkMethod() }])
    await expect(stripeAdapter.save(scopeWith({ listPaymentMethods }), holder, "pp_stripe_stripe", { payment_method_id: "pm_1PxLink" }, "k")).rejects.toMatchObject({
      code: "payment_method_not_saved",
    })
  })

  it("lists cards only, and reads the card under `card`", () => {
    expect(stripeAdapter.listable(stripeCardMethod())).toBe(true)
    expect(stripeAdapter.listable(stripeLinkMethod())).toBe(false)
    expect(stripeAdapter.listable({ type: "sepa_debit", sepa_debit: { last4: "3000" } })).toBe(false)
    expect(stripeAdapter.cardOf(stripeLinkMethod())).toEqual({ brand: null, last4: null, exp_month: null, exp_year: null })
  })

  it("charges a saved card confirmed at once, captured automatically, without redirects", () => {
    expect(stripeAdapter.chargeData("pm_1PxVisa4242", { offSession: true })).toEqual({
      payment_method: "pm_1PxVisa4242",
      off_session: true,
      confirm: true,
      capture_method: "automatic",
      automatic_payment_methods: { enabled: true, allow_redirects: "never" },
    })
    expect(stripeAdapter.chargeData("pm_1", { offSession: false, confirmation: "completed" })).not.toHaveProperty("confirmation")
    expect(stripeAdapter.chargeData("pm_1", { offSession: false })).not.toHaveProperty("payment_method_id")
  })

  it.each([
    ["card_declined", "insufficient_funds", "Your card has insufficient funds.", "insufficient_funds"],
    ["card_declined", "generic_decline", "Your card was declined.", "card_declined"],
    ["expired_card", undefined, "Your card has expired.", "expired_card"],
    ["authentication_required", "authentication_required", "Your card was declined. This transaction requires authentication.", "authentication_required"],
    ["payment_intent_authentication_failure", undefined, "We are unable to authenticate your payment method.", "authentication_required"],
    ["processing_error", undefined, "An error occurred while processing your card.", "processing_error"],
  ])("reads a decline (%s/%s) from last_payment_error", (code, decline, message, expected) => {
    expect(stripeAdapter.declineOf(declinedIntent(code, decline, message))).toEqual({ code: expected, message })
  })

  it("finds no decline in an intent that was not declined, nor in the test card provider's `error`", () => {
    expect(stripeAdapter.declineOf(stripePaymentIntent())).toBeNull()
    expect(stripeAdapter.declineOf({ error: { code: "card_declined", message: "Your card was declined." } })).toBeNull()
  })

  it("asks for Stripe.js's next action with the intent's client secret when it requires action", () => {
    const waiting = stripePaymentIntent({ status: "requires_action", next_action: { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect" } } })
    expect(stripeAdapter.nextActionOf(waiting)).toEqual({ type: "stripe_sdk", client_secret: "pi_3PxIntent_secret_def456" })
    expect(stripeAdapter.nextActionOf(stripePaymentIntent())).toBeNull()
    expect(stripeAdapter.nextActionOf({ status: "requires_action" })).toBeNull()
  })

  it("knows an outcome is unknown when Stripe answered 500 or the payment is processing", () => {
    expect(stripeAdapter.isIndeterminate({ indeterminate_due_to: "stripe_api_error" })).toBe(true)
    expect(stripeAdapter.isIndeterminate(stripePaymentIntent({ status: "processing" }))).toBe(true)
    expect(stripeAdapter.isIndeterminate(stripePaymentIntent())).toBe(false)
    expect(stripeAdapter.isIndeterminate(declinedIntent("card_declined", "generic_decline", "Your card was declined."))).toBe(false)
  })

  it("reads the method a checkout paid with, as an id or the expanded object", () => {
    expect(stripeAdapter.methodIdOfPayment(stripePaymentIntent())).toBe("pm_1PxVisa4242")
    expect(stripeAdapter.methodIdOfPayment(stripePaymentIntent({ payment_method: stripeCardMethod({ id: "pm_expanded" }) }))).toBe("pm_expanded")
    expect(stripeAdapter.methodIdOfPayment(stripePaymentIntent({ payment_method: null }))).toBeUndefined()
    expect(stripeAdapter.checkoutSaveHint).toBe('setup_future_usage: "off_session"')
  })
})

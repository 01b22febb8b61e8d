import { adapterFor, testCardAdapter } from ".."

function scopeWith(payment: Record<string, jest.Mock>) {
  return { resolve: () => payment } as any
}
const holder = { id: "acchld_02", provider_id: "pp_test-card_test", data: { id: "tch_1" } }
const card = { id: "tcard_01", brand: "visa", last4: "4242", exp_month: 12, exp_year: 2031 }

describe("test card payment adapter", () => {
  it("handles the test card provider under any id", () => {
    expect(adapterFor("pp_test-card_test")).toBe(testCardAdapter)
    expect(adapterFor("pp_test-card_staging")).toBe(testCardAdapter)
    expect(testCardAdapter.handles("pp_stripe_stripe")).toBe(false)
    expect(testCardAdapter.beginSave).toBeUndefined()
  })

  it("saves the card id the storefront's form made, with the holder and the idempotency key", async () => {
    const createPaymentMethods = jest.fn().mockResolvedValue({ id: "tcard_01", data: card, provider_id: "pp_test-card_test" })
    const saved = await testCardAdapter.save(scopeWith({ createPaymentMethods }), holder, "pp_test-card_test", { payment_method_id: "tcard_01" }, "portal-save:acchld_02:tcard_01")
    expect(saved).toEqual({ id: "tcard_01", data: card })
    expect(createPaymentMethods).toHaveBeenCalledWith({
      provider_id: "pp_test-card_test",
      data: { payment_method_id: "tcard_01" },
      context: { account_holder: holder, idempotency_key: "portal-save:acchld_02:tcard_01" },
    })
  })

  it("reads the card at the top of its data, and lists every method", () => {
    expect(testCardAdapter.cardOf(card)).toEqual({ brand: "visa", last4: "4242", exp_month: 12, exp_year: 2031 })
    expect(testCardAdapter.listable(card)).toBe(true)
  })

  it("charges with the data every charge has sent so far", () => {
    expect(testCardAdapter.chargeData("tcard_01", { offSession: true })).toEqual({ payment_method_id: "tcard_01", payment_method: "tcard_01", off_session: true, confirm: true })
    expect(testCardAdapter.chargeData("tcard_01", { offSession: false, confirmation: "completed" })).toEqual({
      payment_method_id: "tcard_01",
      payment_method: "tcard_01",
      off_session: false,
      confirm: true,
      confirmation: "completed",
    })
  })

  it("reads a decline from `error`, a confirmation from `next_action`, and is never indeterminate", () => {
    expect(testCardAdapter.declineOf({ error: { code: "insufficient_funds", message: "Your card has insufficient funds. Try another card." } })).toEqual({
      code: "insufficient_funds",
      message: "Your card has insufficient funds. Try another card.",
    })
    expect(testCardAdapter.declineOf({ error: { message: 42 } })).toEqual({ code: null, message: "The payment method was not charged." })
    expect(testCardAdapter.declineOf({ payment_method_id: "tcard_01" })).toBeNull()
    expect(testCardAdapter.nextActionOf({ next_action: { type: "confirm" } })).toEqual({ type: "confirm_card" })
    expect(testCardAdapter.nextActionOf({})).toBeNull()
    expect(testCardAdapter.isIndeterminate({ error: { code: "processing_error" } })).toBe(false)
  })

  it("reads the method a checkout paid with", () => {
    expect(testCardAdapter.methodIdOfPayment({ payment_method_id: "tcard_01", save_payment_method: true })).toBe("tcard_01")
    expect(testCardAdapter.methodIdOfPayment({ payment_method: "pm_1" })).toBeUndefined()
    expect(testCardAdapter.checkoutSaveHint).toBe("save_payment_method: true")
  })
})

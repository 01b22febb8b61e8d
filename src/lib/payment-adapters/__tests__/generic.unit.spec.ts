import { adapterFor, genericAdapter, knownAdapterFor } from ".."
import { stripeCardMethod, stripePaymentIntent } from "./fixtures"

describe("generic payment adapter", () => {
  it("is the adapter of any provider the portal has no form for", () => {
    expect(adapterFor("pp_system_default")).toBe(genericAdapter)
    expect(adapterFor(null)).toBe(genericAdapter)
    expect(knownAdapterFor("pp_system_default")).toBeNull()
    expect(genericAdapter.beginSave).toBeUndefined()
  })

  it("reads a card at the top of the data or under `card`, and lists everything", () => {
    expect(genericAdapter.cardOf({ brand: "visa", last4: "1111", exp_month: 1, exp_year: 2030 })).toEqual({ brand: "visa", last4: "1111", exp_month: 1, exp_year: 2030 })
    expect(genericAdapter.cardOf(stripeCardMethod())).toEqual({ brand: "visa", last4: "4242", exp_month: 12, exp_year: 2034 })
    expect(genericAdapter.cardOf({ card: { brand: 7 } })).toEqual({ brand: null, last4: null, exp_month: null, exp_year: null })
    expect(genericAdapter.listable({ type: "link" })).toBe(true)
  })

  it("finds the method of a payment in either shape", () => {
    expect(genericAdapter.methodIdOfPayment({ payment_method_id: "x_1" })).toBe("x_1")
    expect(genericAdapter.methodIdOfPayment(stripePaymentIntent())).toBe("pm_1PxVisa4242")
    expect(genericAdapter.methodIdOfPayment({})).toBeUndefined()
    expect(genericAdapter.checkoutSaveHint).toContain("save_payment_method: true")
    expect(genericAdapter.checkoutSaveHint).toContain('setup_future_usage: "off_session"')
  })
})

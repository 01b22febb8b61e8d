import { paymentModeRefusal } from "../portal-policy"
import { isTestProvider, modeOfPayments } from "../record-mode"

describe("the mode of what a payment pays for", () => {
  it("is test only when every payment went through a test provider", () => {
    expect(modeOfPayments(["pp_test-card_test"], [])).toBe("test")
    expect(modeOfPayments(["pp_test-card_staging", "pp_test-card_test"], [])).toBe("test")
    expect(modeOfPayments(["pp_test-card_test", "pp_stripe_stripe"], [])).toBe("live")
    expect(modeOfPayments(["pp_system_default"], [])).toBe("live")
    expect(modeOfPayments(["pp_system_default"], ["pp_system_default"])).toBe("test")
    // Nothing paid (a free order): nothing test about it.
    expect(modeOfPayments([], [])).toBe("live")
    expect(modeOfPayments([null, undefined], [])).toBe("live")
  })

  it("knows the test card provider under any id, and nothing else unless listed", () => {
    expect(isTestProvider("pp_test-card_anything", [])).toBe(true)
    expect(isTestProvider("pp_stripe_stripe", [])).toBe(false)
    expect(isTestProvider("pp_stripe_stripe", ["pp_stripe_stripe"])).toBe(true)
    expect(isTestProvider("pp_xtest-card_test", [])).toBe(false)
    expect(isTestProvider(null, [])).toBe(false)
  })

  it("refuses test money for a live record and real money for a test one, with a code each", () => {
    expect(paymentModeRefusal("pp_test-card_test", "test", [])).toBeNull()
    expect(paymentModeRefusal("pp_stripe_stripe", "live", [])).toBeNull()
    expect(paymentModeRefusal("pp_test-card_test", "live", [])).toMatchObject({ code: "test_payment_method_for_live" })
    expect(paymentModeRefusal("pp_stripe_stripe", "test", [])).toMatchObject({ code: "live_payment_method_for_test" })
    expect(paymentModeRefusal("pp_stripe_stripe", "test", ["pp_stripe_stripe"])).toBeNull()
  })
})

import { cancellationRefusal, permissionRefusal, undoCancellationRefusal } from "../portal-policy"

const settings = (over: Record<string, unknown> = {}) => ({ allow_cancellation: true, cancellation_mode: "both" as const, ...over })
const sub = (over: Record<string, unknown> = {}) => ({ status: "active" as const, cancel_at_period_end: false, ...over })
const codeOf = (refusal: { code?: string } | null) => refusal?.code ?? null

describe("portal policy", () => {
  it("lets a customer cancel as the settings say, each refusal with its code", () => {
    expect(codeOf(cancellationRefusal(settings(), sub(), "now", "customer"))).toBeNull()
    expect(codeOf(cancellationRefusal(settings(), sub(), "period_end", "customer"))).toBeNull()
    expect(codeOf(cancellationRefusal(settings({ allow_cancellation: false }), sub(), "now", "customer"))).toBe("cancellation_not_allowed")
    expect(codeOf(cancellationRefusal(settings({ cancellation_mode: "period_end" }), sub(), "now", "customer"))).toBe("period_end_only")
    expect(codeOf(cancellationRefusal(settings({ cancellation_mode: "immediately" }), sub(), "period_end", "customer"))).toBe("immediate_only")
    expect(codeOf(cancellationRefusal(settings(), sub({ status: "on_hold" }), "period_end", "customer"))).toBe("on_hold_cancel_now_only")
    // On hold, now is allowed whatever the mode: there is no paid period to run out.
    expect(codeOf(cancellationRefusal(settings({ cancellation_mode: "period_end" }), sub({ status: "on_hold" }), "now", "customer"))).toBeNull()
    expect(codeOf(cancellationRefusal(settings(), sub({ cancel_at_period_end: true }), "now", "customer"))).toBe("cancellation_already_scheduled")
    expect(codeOf(cancellationRefusal(settings(), sub({ status: "cancelled" }), "now", "customer"))).toBe("subscription_ended")
  })

  it("binds the merchant only by what the data allows", () => {
    expect(codeOf(cancellationRefusal(settings({ allow_cancellation: false, cancellation_mode: "period_end" }), sub(), "now", "admin"))).toBeNull()
    expect(codeOf(cancellationRefusal(settings(), sub({ cancel_at_period_end: true }), "now", "admin"))).toBeNull()
    expect(codeOf(cancellationRefusal(settings(), sub({ status: "expired" }), "now", "admin"))).toBe("subscription_ended")
    expect(codeOf(permissionRefusal({ allow_profile_edit: false }, "profile_edit", "admin"))).toBeNull()
  })

  it("refuses what a switch turned off, to customers", () => {
    expect(codeOf(permissionRefusal({ allow_payment_method_update: false }, "payment_method_update", "customer"))).toBe("payment_method_update_not_allowed")
    expect(codeOf(permissionRefusal({ allow_profile_edit: false }, "profile_edit", "customer"))).toBe("profile_edit_not_allowed")
    expect(codeOf(permissionRefusal({ allow_license_deactivation: false }, "license_deactivation", "customer"))).toBe("license_deactivation_not_allowed")
    expect(codeOf(permissionRefusal({ allow_license_deactivation: true }, "license_deactivation", "customer"))).toBeNull()
    expect(codeOf(undoCancellationRefusal(sub()))).toBe("not_scheduled_to_end")
    expect(codeOf(undoCancellationRefusal(sub({ cancel_at_period_end: true })))).toBeNull()
  })
})

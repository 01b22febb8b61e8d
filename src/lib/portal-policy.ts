import { MedusaError } from "@medusajs/framework/utils"
import type { CustomerPortalDTO, SubscriptionDTO } from "../modules/customer-portal/service"
import { providerMode, type PortalMode } from "./record-mode"

/**
 * The portal settings' rules on what a customer may change, each refusal
 * with a stable `code` beside its sentence, so a storefront can say it in the
 * customer's language. The merchant (`by: "admin"`) and the store itself are
 * bound only by what the data allows, not by these settings.
 */
export const PORTAL_REFUSAL_CODES = [
  "cancellation_not_allowed",
  "subscription_ended",
  "cancellation_already_scheduled",
  "period_end_only",
  "immediate_only",
  "on_hold_cancel_now_only",
  "not_scheduled_to_end",
  "payment_method_update_not_allowed",
  "profile_edit_not_allowed",
  "license_deactivation_not_allowed",
  "test_payment_method_for_live",
  "live_payment_method_for_test",
  "test_session_live_customer",
] as const
export type PortalRefusalCode = (typeof PORTAL_REFUSAL_CODES)[number]

export class PortalRefusal extends MedusaError {
  constructor(code: PortalRefusalCode, message: string) {
    super(MedusaError.Types.NOT_ALLOWED, message, code)
  }
}

type Settings = Pick<CustomerPortalDTO, "allow_cancellation" | "cancellation_mode">

/** The changes a portal setting allows or refuses its customers, one switch each. */
export type PortalPermission = "payment_method_update" | "profile_edit" | "license_deactivation"

const PERMISSIONS: Record<PortalPermission, { setting: keyof CustomerPortalDTO; code: PortalRefusalCode; message: string }> = {
  payment_method_update: {
    setting: "allow_payment_method_update",
    code: "payment_method_update_not_allowed",
    message: "Payment methods cannot be changed from this portal. Contact the store to change yours.",
  },
  profile_edit: {
    setting: "allow_profile_edit",
    code: "profile_edit_not_allowed",
    message: "Your profile cannot be changed from this portal. Contact the store to change it.",
  },
  license_deactivation: {
    setting: "allow_license_deactivation",
    code: "license_deactivation_not_allowed",
    message: "Activations cannot be removed from this portal. Contact the store to free one.",
  },
}

/** Why the portal's settings refuse `permission` to its customers, or null (the merchant and the store are not bound by them). */
export function permissionRefusal(settings: Partial<CustomerPortalDTO>, permission: PortalPermission, by: "customer" | "admin" | "system"): PortalRefusal | null {
  if (by !== "customer") return null
  const rule = PERMISSIONS[permission]
  return settings[rule.setting] === false ? new PortalRefusal(rule.code, rule.message) : null
}
type Sub = Pick<SubscriptionDTO, "status" | "cancel_at_period_end">

const ENDED = "This subscription has already ended."

/** Why a subscription cannot be cancelled `when` by `by`, or null when it can. */
export function cancellationRefusal(settings: Settings, sub: Sub, when: "now" | "period_end", by: "customer" | "admin"): PortalRefusal | null {
  if (sub.status === "cancelled" || sub.status === "expired") return new PortalRefusal("subscription_ended", ENDED)
  if (by === "customer" && !settings.allow_cancellation) {
    return new PortalRefusal("cancellation_not_allowed", "Subscriptions cannot be cancelled from this portal. Contact the store to cancel.")
  }
  if (when === "period_end" && sub.status !== "active") {
    return new PortalRefusal("on_hold_cancel_now_only", "An on-hold subscription has no paid period left: it can only be cancelled now.")
  }
  // A customer whose subscription already ends with its period undoes that first; the merchant may still end it now.
  if (sub.cancel_at_period_end && (when === "period_end" || by === "customer")) {
    return new PortalRefusal("cancellation_already_scheduled", "This subscription already ends at the end of its period.")
  }
  if (by === "customer" && sub.status === "active") {
    if (when === "now" && settings.cancellation_mode === "period_end") {
      return new PortalRefusal("period_end_only", "This store lets subscriptions end only at the end of the period. Choose “At the end of the period”.")
    }
    if (when === "period_end" && settings.cancellation_mode === "immediately") {
      return new PortalRefusal("immediate_only", "This store ends subscriptions at once. Choose “Now”.")
    }
  }
  return null
}

/** Why a scheduled cancellation cannot be undone, or null. */
export function undoCancellationRefusal(sub: Sub): PortalRefusal | null {
  if (sub.status !== "active" || !sub.cancel_at_period_end) {
    return new PortalRefusal("not_scheduled_to_end", "This subscription is not scheduled to end, so there is nothing to undo.")
  }
  return null
}

/**
 * Why a payment provider may not pay for (or be saved in) a record of `mode`,
 * or null: test money never pays for a live record, and a test record is never
 * paid with real money. Binds everyone, the merchant and the store included.
 */
export function paymentModeRefusal(providerId: string, mode: PortalMode, testProviders: readonly string[]): PortalRefusal | null {
  const method = providerMode(providerId, testProviders)
  if (method === mode) return null
  return method === "test"
    ? new PortalRefusal("test_payment_method_for_live", "A test card cannot pay for anything real. Use a real card.")
    : new PortalRefusal("live_payment_method_for_test", "This is the store's test mode: only test cards work here, and nothing real is charged.")
}

/** A test session's change to a customer who has live records: refused, for everyone the portal serves. */
export const testSessionLiveCustomerRefusal = () =>
  new PortalRefusal(
    "test_session_live_customer",
    "This is a test-mode session, and this customer has real purchases: their details can be changed only from a live session."
  )

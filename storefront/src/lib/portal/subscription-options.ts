import type { PortalCancelReason, PortalCancelWhen } from "./types"

/**
 * The values the cancellation form sends, shared by the dialog and the server action that
 * checks them, so it holds nothing server-only.
 */
export const CANCEL_REASONS = [
  "too_expensive",
  "missing_features",
  "switched_service",
  "unused",
  "customer_service",
  "too_complex",
  "low_quality",
  "other",
] as const satisfies ReadonlyArray<PortalCancelReason>

export const CANCEL_WHENS = ["now", "period_end"] as const satisfies ReadonlyArray<PortalCancelWhen>

/** The longest comment the backend takes. */
export const CANCEL_COMMENT_MAX = 1000

/** Loose on purpose: enough to keep slashes, dots and query text out of the backend's path. */
export const SUBSCRIPTION_ID = /^[A-Za-z0-9_-]{1,64}$/

export function isCancelReason(value: unknown): value is PortalCancelReason {
  return typeof value === "string" && (CANCEL_REASONS as ReadonlyArray<string>).includes(value)
}

export function isCancelWhen(value: unknown): value is PortalCancelWhen {
  return typeof value === "string" && (CANCEL_WHENS as ReadonlyArray<string>).includes(value)
}

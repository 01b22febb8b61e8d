"use server"

import { refresh } from "next/cache"
import { getFormatter, getLocale } from "next-intl/server"
import type { AccessLinkState } from "@/components/portal/access-link-panel"
import type { LoginFormState } from "@/components/portal/login-form"
import type { CancelInput, SubscriptionChangeResult } from "@/components/portal/subscription-actions"
import { redirect } from "@/i18n/navigation"
import type { AppLocale } from "@/i18n/routing"
import {
  cancelSubscription,
  clearSessionCookie,
  describeError,
  getPortalConfig,
  getSessionToken,
  isFetchError,
  redeemLink,
  requestLoginLink,
  setSessionCookie,
  signInPath,
  signOut,
  toFailure,
  undoCancelSubscription,
} from "@/lib/portal"
import {
  CANCEL_COMMENT_MAX,
  isCancelReason,
  isCancelWhen,
  SUBSCRIPTION_ID,
} from "@/lib/portal/subscription-options"
import type { PortalSubscription } from "@/lib/portal/types"

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,256}$/

/** Static login page (A1): ask for a one-time link. Every known or unknown email gets "sent". */
export async function requestLoginLinkAction(
  businessId: string,
  mode: "test" | undefined,
  _previous: LoginFormState,
  formData: FormData
): Promise<LoginFormState> {
  const value = formData.get("email")
  const email = typeof value === "string" ? value.trim() : ""
  if (!email) {
    return { status: "invalid", reason: "missing", email }
  }
  try {
    await requestLoginLink({ business_id: businessId, email, locale: await getLocale(), mode })
    return { status: "sent", email }
  } catch (error) {
    if (isFetchError(error) && error.status === 400) {
      return { status: "invalid", reason: "invalid", email }
    }
    return { status: "failed", failure: toFailure(error), email }
  }
}

/** Link landing page (A3): only this explicit POST consumes the link, never opening it. */
export async function redeemLinkAction(
  _previous: AccessLinkState,
  formData: FormData
): Promise<AccessLinkState> {
  const token = formData.get("token")
  if (typeof token !== "string" || !TOKEN_SHAPE.test(token)) {
    return { status: "expired" }
  }
  let session
  try {
    session = await redeemLink(token)
  } catch (error) {
    // Unknown, used, revoked, expired and malformed all read the same: nothing to tell a stranger.
    if (isFetchError(error) && (error.status === 404 || error.status === 400)) {
      return { status: "expired" }
    }
    return { status: "failed", failure: toFailure(error) }
  }
  await setSessionCookie(session.session_token, session.expires_at)
  return redirect({ href: "/portal", locale: await getLocale() })
}

export async function signOutAction(): Promise<void> {
  const token = await getSessionToken()
  if (token) {
    try {
      await signOut(token)
    } catch (error) {
      // The cookie goes anyway; a session the server still holds ends on its own schedule.
      if (!(isFetchError(error) && error.status === 401)) {
        console.error(`[portal] sign-out did not reach the backend: ${describeError(error)}`)
      }
    }
  }
  await clearSessionCookie()
  const { businessId } = await getPortalConfig()
  redirect({ href: signInPath(businessId), locale: await getLocale() })
}

/**
 * Subscription page: cancel now or at the end of the period. The values are checked again here
 * (anyone can post to an action); whether the cancellation is allowed is the backend's call.
 */
export async function cancelSubscriptionAction(
  subscriptionId: string,
  input: CancelInput
): Promise<SubscriptionChangeResult> {
  const when: unknown = input?.when
  const reason: unknown = input?.reason
  if (!isCancelWhen(when)) {
    return { status: "invalid", field: "when" }
  }
  if (!isCancelReason(reason)) {
    return { status: "invalid", field: "reason" }
  }
  const comment = typeof input.comment === "string" ? input.comment.trim() : ""
  if (comment.length > CANCEL_COMMENT_MAX) {
    return { status: "invalid", field: "comment" }
  }
  return changeSubscription(subscriptionId, "cancel", (token, locale) =>
    cancelSubscription(token, subscriptionId, { when, reason, ...(comment ? { comment } : {}) }, locale)
  )
}

/** Subscription page: take back a cancellation planned for the end of the period. */
export async function undoCancelSubscriptionAction(
  subscriptionId: string
): Promise<SubscriptionChangeResult> {
  return changeSubscription(subscriptionId, "undo", (token, locale) =>
    undoCancelSubscription(token, subscriptionId, locale)
  )
}

/**
 * Runs one subscription change and tells the page what became of it. A 400 is a refusal whose
 * message the backend wrote for the customer; after a change the page's data is loaded again.
 */
async function changeSubscription(
  subscriptionId: string,
  kind: "cancel" | "undo",
  change: (token: string, locale: AppLocale) => Promise<{ subscription: PortalSubscription }>
): Promise<SubscriptionChangeResult> {
  const token = await getSessionToken()
  if (!token) {
    return { status: "session_ended" }
  }
  if (!SUBSCRIPTION_ID.test(subscriptionId)) {
    return { status: "failed", failure: { kind: "unexpected" } }
  }
  const locale = await getLocale()
  let subscription: PortalSubscription
  try {
    subscription = (await change(token, locale)).subscription
  } catch (error) {
    if (isFetchError(error) && error.status === 401) {
      return { status: "session_ended" }
    }
    if (isFetchError(error) && error.status === 400 && error.bodyMessage) {
      return { status: "refused", message: error.bodyMessage }
    }
    return { status: "failed", failure: toFailure(error) }
  }

  // The page behind the dialog shows the new state with the answer.
  refresh()
  if (kind === "undo") {
    return { status: "continues" }
  }
  const ended = subscription.status === "cancelled" || subscription.status === "expired"
  if (ended || !subscription.cancel_at_period_end) {
    return { status: "cancelled" }
  }
  const format = await getFormatter()
  return {
    status: "ends",
    date: format.dateTime(new Date(subscription.current_period_end), { dateStyle: "long" }),
  }
}

"use server"

import { refresh } from "next/cache"
import { getFormatter, getLocale, getTranslations } from "next-intl/server"
import type { AccessLinkPreview, AccessLinkState } from "@/components/portal/access-link-panel"
import type { EmailConfirmationResult } from "@/components/portal/email-confirmation-notice"
import type { EmailChangeLinkPreview, EmailVerificationState } from "@/components/portal/email-verification-panel"
import type { DeactivateResult } from "@/components/portal/license-activations"
import type { RevealResult } from "@/components/portal/license-key-value"
import type { LoginFormState } from "@/components/portal/login-form"
import type {
  AddCardResult,
  PaymentMethodChangeInput,
  PaymentMethodChangeResult,
} from "@/components/portal/payment-method-form"
import type { ProfileSaveResult } from "@/components/portal/profile-details-form"
import type { CancelEmailChangeResult, EmailChangeResult } from "@/components/portal/profile-email"
import type { CancelInput, SubscriptionChangeResult } from "@/components/portal/subscription-actions"
import type { AppLocale } from "@/i18n/routing"
import {
  addPaymentMethod,
  cancelEmailChange,
  cancelSubscription,
  changeSubscriptionPaymentMethod,
  clearSessionCookie,
  confirmEmailChange,
  createTestCard,
  deactivateLicenseActivation,
  describeError,
  getPortalConfig,
  getSessionToken,
  isFetchError,
  lookUpLink,
  redeemLink,
  requestEmailChange,
  requestEmailConfirmation,
  requestLoginLink,
  revealLicenseKey,
  setSessionCookie,
  signInPath,
  signOut,
  signOutEverywhere,
  toFailure,
  undoCancelSubscription,
  updateMe,
} from "@/lib/portal"
import { ACTIVATION_ID, LICENSE_KEY_ID } from "@/lib/portal/license-key-options"
import {
  checkCard,
  IDEMPOTENCY_KEY,
  PAYMENT_METHOD_ID,
  TEST_CARD_PROVIDER_ID,
  type CardInput,
} from "@/lib/portal/payment-method-options"
import {
  checkNewEmail,
  checkProfile,
  EMAIL_CHANGE_TOKEN,
  LINK_EXPIRY_FORMAT,
  type ProfileInput,
} from "@/lib/portal/profile-options"
import {
  CANCEL_COMMENT_MAX,
  isCancelReason,
  isCancelWhen,
  SUBSCRIPTION_ID,
} from "@/lib/portal/subscription-options"
import type {
  PortalChangePaymentMethodResponse,
  PortalFailure,
  PortalSubscription,
} from "@/lib/portal/types"
import { redirectToPortal } from "@/lib/portal/redirect-to-portal"

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

/**
 * Link landing page (A3): what the link whose token the page read from its fragment will do —
 * whom it signs in, and whether someone else is signed in in this browser — without using it.
 * Null when it cannot be used (unknown, used, expired, or not a sign-in link).
 */
export async function previewAccessLinkAction(token: string): Promise<AccessLinkPreview | null> {
  if (typeof token !== "string") return null
  const found = await lookUpLink(token, await getSessionToken())
  if (found.status === "unreachable") return { confirmsEmail: false, email: null, otherSignedIn: null }
  if (found.status === "unusable" || found.link.purpose.startsWith("email_change")) return null
  return {
    confirmsEmail: found.link.purpose === "confirm_email",
    email: found.link.email,
    otherSignedIn: found.signed_in && !found.signed_in.same_customer ? found.signed_in.email : null,
  }
}

/**
 * Email verification page: what the link of an email change will do, for which addresses
 * (masked), without using it. Null when it cannot be used (unknown, used, expired, or not an
 * email change).
 */
export async function previewEmailChangeLinkAction(token: string): Promise<EmailChangeLinkPreview | null> {
  if (typeof token !== "string") return null
  const found = await lookUpLink(token)
  if (found.status === "unreachable") return { purpose: "email_change", email: null, newEmail: null }
  if (found.status === "unusable") return null
  const { purpose, email, new_email } = found.link
  if (purpose !== "email_change_authorize" && purpose !== "email_change" && purpose !== "email_change_undo") return null
  return { purpose, email, newEmail: new_email }
}

/**
 * Link landing page (A3): only this explicit POST consumes the link, never opening it. The
 * session this browser had goes with it, so the backend ends it (and, when that session asked for
 * this link, confirms its address).
 */
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
    session = await redeemLink(token, await getSessionToken())
  } catch (error) {
    // Unknown, used, revoked, expired and malformed all read the same: nothing to tell a stranger.
    if (isFetchError(error) && (error.status === 404 || error.status === 400)) {
      return { status: "expired" }
    }
    return { status: "failed", failure: toFailure(error) }
  }
  await setSessionCookie(session.session_token, session.expires_at)
  return redirectToPortal(await getLocale(), "/portal")
}

/**
 * "Send me a link" on the notice of hidden purchases: the store emails a link to the customer's
 * address; opened in this browser, it shows everything bought with it.
 */
export async function requestEmailConfirmationAction(): Promise<EmailConfirmationResult> {
  const token = await getSessionToken()
  if (!token) {
    return { status: "session_ended" }
  }
  try {
    const { email_confirmation } = await requestEmailConfirmation(token, await getLocale())
    return { status: "sent", email: email_confirmation.email }
  } catch (error) {
    if (isFetchError(error) && error.status === 401) {
      return { status: "session_ended" }
    }
    if (isFetchError(error) && error.status === 429) {
      return { status: "too_soon", retryAfter: error.retryAfter }
    }
    return { status: "failed", failure: toFailure(error) }
  }
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
  redirectToPortal(await getLocale(), signInPath(businessId))
}

/**
 * Profile page, "Sign out everywhere": every session of the customer ends — on this device and
 * every other — and their unused sign-in links stop working. Only once the backend has done so
 * is the cookie cleared; a failure is told, and nothing is pretended.
 */
export async function signOutEverywhereAction(): Promise<{ status: "failed"; failure: PortalFailure }> {
  const token = await getSessionToken()
  if (token) {
    try {
      await signOutEverywhere(token)
    } catch (error) {
      if (!(isFetchError(error) && error.status === 401)) {
        return { status: "failed", failure: toFailure(error) }
      }
    }
  }
  await clearSessionCookie()
  const { businessId } = await getPortalConfig()
  return redirectToPortal(await getLocale(), signInPath(businessId))
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
    return await refusalOf(error)
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

/**
 * Payment-method page: saves a new card with the customer's account. The card is checked again
 * here, then its number is sent once to the test provider's card route, which answers with a
 * card id; only that id is saved. The number is never logged, kept or sent back to the page.
 */
export async function addPaymentCardAction(subscriptionId: string, input: CardInput): Promise<AddCardResult> {
  const token = await getSessionToken()
  if (!token) {
    return { status: "session_ended" }
  }
  if (typeof subscriptionId !== "string" || !SUBSCRIPTION_ID.test(subscriptionId)) {
    return { status: "failed", failure: { kind: "unexpected" } }
  }
  const check = checkCard({
    number: typeof input?.number === "string" ? input.number : "",
    expiry: typeof input?.expiry === "string" ? input.expiry : "",
    cvc: typeof input?.cvc === "string" ? input.cvc : "",
  })
  if (!check.ok) {
    return { status: "invalid", field: check.field, problem: check.problem }
  }

  let cardId: string
  try {
    cardId = (await createTestCard(check.card)).card.id
  } catch (error) {
    return await refusalOf(error)
  }
  try {
    const { payment_method } = await addPaymentMethod(token, {
      provider_id: TEST_CARD_PROVIDER_ID,
      payment_method_id: cardId,
      subscription_id: subscriptionId,
    })
    // The page's list shows the new card with the answer.
    refresh()
    return { status: "added", method: payment_method }
  } catch (error) {
    return await refusalOf(error)
  }
}

/**
 * Payment-method page: "Confirm changes" (and "Confirm payment" when the bank asked). Future
 * renewals use the method; a subscription on hold has its dues charged too. Success goes on to
 * the confirmation page; anything else is told on the page, which stays as it was.
 */
export async function changePaymentMethodAction(
  subscriptionId: string,
  input: PaymentMethodChangeInput
): Promise<PaymentMethodChangeResult> {
  const token = await getSessionToken()
  if (!token) {
    return { status: "session_ended" }
  }
  const paymentMethodId: unknown = input?.paymentMethodId
  const idempotencyKey: unknown = input?.idempotencyKey
  if (
    !SUBSCRIPTION_ID.test(subscriptionId) ||
    typeof paymentMethodId !== "string" ||
    !PAYMENT_METHOD_ID.test(paymentMethodId) ||
    typeof idempotencyKey !== "string" ||
    !IDEMPOTENCY_KEY.test(idempotencyKey)
  ) {
    return { status: "failed", failure: { kind: "unexpected" } }
  }
  const locale = await getLocale()

  let answer: PortalChangePaymentMethodResponse
  try {
    answer = await changeSubscriptionPaymentMethod(
      token,
      subscriptionId,
      {
        payment_method_id: paymentMethodId,
        ...(input.confirmed === true ? { confirmation: "completed" as const } : {}),
      },
      idempotencyKey,
      locale
    )
  } catch (error) {
    if (!isFetchError(error)) {
      return { status: "failed", failure: toFailure(error) }
    }
    switch (error.status) {
      case 401:
        return { status: "session_ended" }
      case 402:
        // The failure is now the subscription's latest: the page's notice shows it too.
        refresh()
        return { status: "payment_failed", code: error.code }
      case 404:
        refresh()
        return { status: "not_found" }
      case 409:
        return { status: "conflict" }
      case 500:
        // The payment was cut off (the provider did not answer, the store lost its database): nothing more is charged on a retry.
        if (error.type === "unexpected_state") {
          refresh()
          return { status: "interrupted" }
        }
        break
      case 400:
        if (error.bodyMessage) {
          return { status: "refused", message: error.bodyMessage }
        }
        break
    }
    return { status: "failed", failure: toFailure(error) }
  }

  const confirmed = `/portal/subscriptions/${encodeURIComponent(subscriptionId)}/payment-method/confirmed`
  switch (answer?.outcome) {
    case "requires_action":
      return { status: "requires_action", amount: answer.amount, currencyCode: answer.currency_code }
    case "updated":
      return redirectToPortal(locale, confirmed)
    case "reactivated":
      return redirectToPortal(locale, confirmed, { invoice: answer.invoice.id })
    default:
      console.error("[portal] unexpected answer to a payment method change")
      return { status: "failed", failure: { kind: "unexpected" } }
  }
}

/**
 * License keys: the whole key, only when the customer pressed "Reveal" or "Copy". It goes back
 * to that one page in the action's answer and is never logged, kept or put in an address.
 */
export async function revealLicenseKeyAction(licenseKeyId: string): Promise<RevealResult> {
  const token = await getSessionToken()
  if (!token) {
    return { status: "session_ended" }
  }
  if (typeof licenseKeyId !== "string" || !LICENSE_KEY_ID.test(licenseKeyId)) {
    return { status: "not_found" }
  }
  try {
    const { key } = await revealLicenseKey(token, licenseKeyId)
    if (typeof key !== "string" || !key) {
      return { status: "failed", failure: { kind: "unexpected" } }
    }
    return { status: "revealed", key }
  } catch (error) {
    if (isFetchError(error) && error.status === 401) {
      return { status: "session_ended" }
    }
    if (isFetchError(error) && error.status === 404) {
      return { status: "not_found" }
    }
    return { status: "failed", failure: toFailure(error) }
  }
}

/**
 * License key page: frees one activation (a device the customer no longer uses). Whether that is
 * allowed is the backend's call; a refusal or an activation already gone reloads the page's data.
 */
export async function deactivateLicenseActivationAction(
  licenseKeyId: string,
  activationId: string
): Promise<DeactivateResult> {
  const token = await getSessionToken()
  if (!token) {
    return { status: "session_ended" }
  }
  if (
    typeof licenseKeyId !== "string" ||
    !LICENSE_KEY_ID.test(licenseKeyId) ||
    typeof activationId !== "string" ||
    !ACTIVATION_ID.test(activationId)
  ) {
    return { status: "not_found" }
  }
  try {
    await deactivateLicenseActivation(token, licenseKeyId, activationId)
  } catch (error) {
    if (!isFetchError(error)) {
      return { status: "failed", failure: toFailure(error) }
    }
    switch (error.status) {
      case 401:
        return { status: "session_ended" }
      case 400:
        // The store does not let customers free activations: the page then says whom to ask.
        refresh()
        return { status: "refused" }
      case 404:
        refresh()
        return { status: "not_found" }
    }
    return { status: "failed", failure: toFailure(error) }
  }
  // The page behind the dialog shows the list without the device with the answer.
  refresh()
  return { status: "deactivated" }
}

/**
 * Profile page: saves the name and phone number. The values are checked again here (anyone can
 * post to an action); only these three fields are sent, since the backend refuses any other.
 * An empty phone number removes it.
 */
export async function updateProfileAction(input: ProfileInput): Promise<ProfileSaveResult> {
  const token = await getSessionToken()
  if (!token) {
    return { status: "session_ended" }
  }
  const check = checkProfile({
    first_name: typeof input?.first_name === "string" ? input.first_name : "",
    last_name: typeof input?.last_name === "string" ? input.last_name : "",
    phone: typeof input?.phone === "string" ? input.phone : "",
  })
  if (!check.ok) {
    return { status: "invalid", field: check.field, problem: check.problem }
  }
  const { first_name, last_name, phone } = check.values
  try {
    const { customer } = await updateMe(token, { first_name, last_name, phone: phone || null })
    // The header's greeting and the overview show the new name with the answer.
    refresh()
    return {
      status: "saved",
      values: {
        first_name: customer?.first_name ?? "",
        last_name: customer?.last_name ?? "",
        phone: customer?.phone ?? "",
      },
    }
  } catch (error) {
    return await refusalOf(error)
  }
}

/**
 * Profile page: "Send verification link". The backend emails a link to the new address and a
 * notice to the current one; the address changes only when the link is used.
 */
export async function requestEmailChangeAction(email: string): Promise<EmailChangeResult> {
  const token = await getSessionToken()
  if (!token) {
    return { status: "session_ended" }
  }
  // Whether it is the address in use is the backend's check: it knows the current one.
  const check = checkNewEmail(typeof email === "string" ? email : "", null)
  if (!check.ok) {
    return { status: "invalid", problem: check.problem }
  }
  try {
    const { email_change } = await requestEmailChange(token, check.email, await getLocale())
    const expires = new Date(email_change.expires_at)
    if (typeof email_change.email !== "string" || Number.isNaN(expires.getTime())) {
      console.error("[portal] unexpected answer to an email change request")
      return { status: "failed", failure: { kind: "unexpected" } }
    }
    // The page shows the change waiting for confirmation with the answer.
    refresh()
    const format = await getFormatter()
    return {
      status: "sent",
      email: email_change.email,
      awaiting: email_change.awaiting === "current_address" ? "current_address" : "new_address",
      expires: { iso: expires.toISOString(), text: format.dateTime(expires, LINK_EXPIRY_FORMAT) },
    }
  } catch (error) {
    return await refusalOf(error)
  }
}

/** Profile page: "Cancel change". The link already sent stops working. */
export async function cancelEmailChangeAction(): Promise<CancelEmailChangeResult> {
  const token = await getSessionToken()
  if (!token) {
    return { status: "session_ended" }
  }
  try {
    await cancelEmailChange(token)
  } catch (error) {
    if (isFetchError(error) && error.status === 401) {
      return { status: "session_ended" }
    }
    return { status: "failed", failure: toFailure(error) }
  }
  refresh()
  return { status: "cancelled" }
}

type Refusal =
  | { status: "refused"; message: string }
  | { status: "failed"; failure: PortalFailure }
  | { status: "session_ended" }

/**
 * What the backend's refusal means for the page: a session that has ended, a 400 whose sentence
 * is written for the customer ("Your card was declined…", "Enter the phone number with its
 * country code…"), or a failure to explain.
 */
/** The refusals the backend names with a `code`, said in the customer's language (messages `Refusals`). */
const REFUSAL_CODES = new Set([
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
])

async function refusalOf(error: unknown): Promise<Refusal> {
  if (isFetchError(error) && error.status === 401) {
    return { status: "session_ended" }
  }
  if (isFetchError(error) && error.status === 400 && error.bodyMessage) {
    if (error.code && REFUSAL_CODES.has(error.code)) {
      const t = await getTranslations("Refusals")
      return { status: "refused", message: t(error.code as Parameters<typeof t>[0]) }
    }
    return { status: "refused", message: error.bodyMessage }
  }
  return { status: "failed", failure: toFailure(error) }
}

/**
 * Email verification page: only this explicit POST uses the link, never opening it. No session
 * is needed: the link proves the mailbox. Which step of the change it was — the current address
 * confirming, the new one, or the old one undoing it — comes back with the answer.
 */
export async function confirmEmailChangeAction(
  _previous: EmailVerificationState,
  formData: FormData
): Promise<EmailVerificationState> {
  const token = formData.get("token")
  if (typeof token !== "string" || !EMAIL_CHANGE_TOKEN.test(token)) {
    return { status: "expired", message: null }
  }
  try {
    const { status, email } = await confirmEmailChange(token, (await getLocale()) as AppLocale)
    if (typeof email !== "string" || !email || !["awaiting_new_address", "changed", "restored"].includes(status)) {
      console.error("[portal] unexpected answer to an email change confirmation")
      return { status: "failed", failure: { kind: "unexpected" } }
    }
    return status === "changed" ? { status: "confirmed", email } : { status, email }
  } catch (error) {
    if (isFetchError(error) && error.status === 404) {
      return { status: "expired", message: error.bodyMessage }
    }
    if (isFetchError(error) && error.status === 400) {
      return { status: "unavailable", message: error.bodyMessage }
    }
    return { status: "failed", failure: toFailure(error) }
  }
}

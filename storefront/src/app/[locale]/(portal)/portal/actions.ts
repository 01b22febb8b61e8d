"use server"

import { getLocale } from "next-intl/server"
import type { AccessLinkState } from "@/components/portal/access-link-panel"
import type { LoginFormState } from "@/components/portal/login-form"
import { redirect } from "@/i18n/navigation"
import {
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
} from "@/lib/portal"

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

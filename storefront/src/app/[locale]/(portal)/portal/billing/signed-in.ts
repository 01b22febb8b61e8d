import "server-only"

import { hasLocale } from "next-intl"
import { notFound } from "next/navigation"
import { routing, type AppLocale } from "@/i18n/routing"
import {
  getBusiness,
  getMe,
  getPortalConfig,
  getSessionToken,
  isFetchError,
} from "@/lib/portal"
import type { PortalBusiness, PortalMeResponse } from "@/lib/portal/types"
import { redirectToPortal } from "@/lib/portal/redirect-to-portal"

export type SignedInContext = {
  locale: AppLocale
  token: string
  business: PortalBusiness | null
}

/**
 * What every signed-in billing (and subscriptions) page starts with: a known locale, the session token (the
 * signed-out entry page otherwise) and the business for the shell.
 */
export async function requireSession(requestedLocale: string): Promise<SignedInContext> {
  if (!hasLocale(routing.locales, requestedLocale)) {
    notFound()
  }
  const locale = requestedLocale
  const { businessId } = await getPortalConfig()
  const [business, token] = await Promise.all([
    businessId ? getBusiness(businessId) : null,
    getSessionToken(),
  ])
  if (!token) {
    // Signed out: the portal's entry page explains how to sign in.
    return redirectToPortal(locale, "/portal")
  }
  return { locale, token, business }
}

/**
 * Loads `getMe` (for the test-mode banner) next to the page's own call. A 401 from either sends
 * the customer to the route handler that clears the stale cookie, as the overview does.
 */
export async function loadWithSession<T>(
  { locale, token }: SignedInContext,
  load: () => Promise<T>
): Promise<[PromiseSettledResult<PortalMeResponse>, PromiseSettledResult<T>]> {
  const results = await Promise.allSettled([getMe(token), load()])
  if (results.some(isSessionEnded)) {
    redirectToPortal(locale, "/portal/session-expired")
  }
  return results
}

/** A call the backend refused with 401: the session is over. */
export function isSessionEnded(result: PromiseSettledResult<unknown>): boolean {
  return result.status === "rejected" && isFetchError(result.reason) && result.reason.status === 401
}

import "server-only"

import { cache } from "react"
import type { AppLocale } from "@/i18n/routing"
import { portalFetch } from "./client"
import type {
  PortalConfirmEmailChangeResponse,
  PortalEmailChangeResponse,
  PortalMeResponse,
  PortalUpdateMeBody,
  PortalUpdateMeResponse,
} from "./types"

/** `GET /store/portal/me`: the signed-in customer; 401 once the session has ended. Cached per request. */
export const getMe = cache(
  async (sessionToken: string): Promise<PortalMeResponse> =>
    portalFetch<PortalMeResponse>("/store/portal/me", { token: sessionToken })
)

/**
 * `POST /store/portal/me`: changes the name and phone number. A refusal is a 400 whose `message`
 * is written for the customer (see `PortalFetchError.bodyMessage`), such as a number without
 * its country code or a store that does not allow changes.
 */
export async function updateMe(sessionToken: string, body: PortalUpdateMeBody): Promise<PortalUpdateMeResponse> {
  return portalFetch<PortalUpdateMeResponse>("/store/portal/me", {
    method: "POST",
    token: sessionToken,
    body,
  })
}

/**
 * `POST /store/portal/me/email-change`: starts a change. Signed in by email in the last ten
 * minutes, the new address gets its link at once (and the current one a notice); otherwise the
 * current address is asked to confirm first (`awaiting`). The address changes only when the new
 * address's link is used. The locale picks the emails' language. 400 with a sentence for the
 * customer, 429 with `Retry-After`.
 */
export async function requestEmailChange(
  sessionToken: string,
  email: string,
  locale: AppLocale
): Promise<PortalEmailChangeResponse> {
  return portalFetch<PortalEmailChangeResponse>("/store/portal/me/email-change", {
    method: "POST",
    token: sessionToken,
    body: { email },
    query: { locale },
  })
}

/** `DELETE /store/portal/me/email-change`: the pending change's link stops working. */
export async function cancelEmailChange(sessionToken: string): Promise<void> {
  await portalFetch<unknown>("/store/portal/me/email-change", {
    method: "DELETE",
    token: sessionToken,
  })
}

/**
 * `POST /store/portal/email-changes`: uses a link of an email change — the current address's
 * confirmation, the new address's, or the old address's undo. No session: the link proves the
 * mailbox. 404 for a link that is unknown, used or expired; 400 when the address cannot be used.
 * Both carry a sentence for the customer. The locale picks the language of the email it sends on.
 */
export async function confirmEmailChange(token: string, locale: AppLocale): Promise<PortalConfirmEmailChangeResponse> {
  return portalFetch<PortalConfirmEmailChangeResponse>("/store/portal/email-changes", {
    method: "POST",
    body: { token },
    query: { locale },
  })
}

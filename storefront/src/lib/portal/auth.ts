import "server-only"

import { portalFetch } from "./client"
import type {
  PortalEmailConfirmationResponse,
  PortalLinkPreviewResponse,
  PortalLoginRequestBody,
  PortalLoginRequestResponse,
  PortalSessionResponse,
} from "./types"

/**
 * `POST /store/portal/login-requests`: emails a one-time link if the address has purchases.
 * The answer is the same for every address; a 400 means the address itself is not valid.
 */
export async function requestLoginLink(body: PortalLoginRequestBody): Promise<void> {
  await portalFetch<PortalLoginRequestResponse>("/store/portal/login-requests", {
    method: "POST",
    body,
  })
}

/**
 * `POST /store/portal/sessions`: consumes a one-time link and opens a session.
 * 404 (unknown, used, revoked or expired) and 400 (malformed) both mean "ask for a new link".
 * The session this browser had (`replacing`) ends; when it asked for this link, its address is
 * confirmed.
 */
export async function redeemLink(token: string, replacing?: string): Promise<PortalSessionResponse> {
  return portalFetch<PortalSessionResponse>("/store/portal/sessions", {
    method: "POST",
    body: { token },
    ...(replacing ? { token: replacing } : {}),
  })
}

/**
 * `POST /store/portal/link-previews`: what a one-time link will do, without using it, and (with
 * this browser's session) whether someone else is signed in here. 404 for an unusable link.
 */
export async function previewLink(token: string, current?: string): Promise<PortalLinkPreviewResponse> {
  return portalFetch<PortalLinkPreviewResponse>("/store/portal/link-previews", {
    method: "POST",
    body: { token },
    ...(current ? { token: current } : {}),
  })
}

/**
 * `POST /store/portal/me/email-confirmation` (202): emails a link to the customer's address;
 * opened in this browser it shows every purchase made with the address. 429 with `Retry-After`.
 */
export async function requestEmailConfirmation(sessionToken: string, locale: string): Promise<PortalEmailConfirmationResponse> {
  return portalFetch<PortalEmailConfirmationResponse>("/store/portal/me/email-confirmation", {
    method: "POST",
    token: sessionToken,
    body: {},
    query: { locale },
  })
}

/** `DELETE /store/portal/sessions/current`: ends the session on the server. */
export async function signOut(sessionToken: string): Promise<void> {
  await portalFetch<unknown>("/store/portal/sessions/current", {
    method: "DELETE",
    token: sessionToken,
  })
}

import "server-only"

import { isFetchError, portalFetch } from "./client"
import { describeError } from "./errors"
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

export type LinkLookup =
  | ({ status: "found" } & PortalLinkPreviewResponse)
  /** Unknown, used, revoked, expired, or not a token at all: the page says so at once. */
  | { status: "unusable" }
  /** The backend could not say: the page still offers its button, which tells what went wrong. */
  | { status: "unreachable" }

const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/

/**
 * `POST /store/portal/link-previews`: what a one-time link will do, without using it, and (with
 * this browser's session, `current`) whether someone else is signed in here.
 */
export async function lookUpLink(token: string, current?: string): Promise<LinkLookup> {
  if (!LINK_TOKEN.test(token)) return { status: "unusable" }
  try {
    const preview = await portalFetch<PortalLinkPreviewResponse>("/store/portal/link-previews", {
      method: "POST",
      body: { token },
      ...(current ? { token: current } : {}),
    })
    return { status: "found", ...preview }
  } catch (error) {
    if (isFetchError(error) && (error.status === 404 || error.status === 400)) return { status: "unusable" }
    console.error(`[portal] a link could not be previewed: ${describeError(error)}`)
    return { status: "unreachable" }
  }
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

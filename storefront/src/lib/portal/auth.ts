import "server-only"

import { portalFetch } from "./client"
import type {
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
 */
export async function redeemLink(token: string): Promise<PortalSessionResponse> {
  return portalFetch<PortalSessionResponse>("/store/portal/sessions", {
    method: "POST",
    body: { token },
  })
}

/** `DELETE /store/portal/sessions/current`: ends the session on the server. */
export async function signOut(sessionToken: string): Promise<void> {
  await portalFetch<unknown>("/store/portal/sessions/current", {
    method: "DELETE",
    token: sessionToken,
  })
}

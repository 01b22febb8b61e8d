import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { clock } from "../../lib/clock"
import { sessionRecords } from "../../lib/identity"
import { hashToken, isWellFormedToken } from "../../lib/tokens"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import type { PortalSessionIdentity } from "../../modules/customer-portal/service"

export type PortalContext = PortalSessionIdentity & {
  /**
   * The records the session sees: its own, and those of every address it has
   * proven (see `sessionRecords`). Every read and change is scoped to these.
   */
  customer_ids: string[]
}

export type PortalRequest<Body = unknown> = MedusaRequest<Body> & { portal: PortalContext }

export const SESSION_ENDED_MESSAGE = "Your portal session has ended. Sign in again."

/** Paths under /store/portal that a signed-out visitor may call. */
const PUBLIC = [
  { method: "GET", path: /^\/store\/portal\/businesses\/[^/]+\/?$/ },
  { method: "POST", path: /^\/store\/portal\/login-requests\/?$/ },
  { method: "POST", path: /^\/store\/portal\/sessions\/?$/ },
  { method: "POST", path: /^\/store\/portal\/email-changes\/?$/ },
  { method: "POST", path: /^\/store\/portal\/link-previews\/?$/ },
]

const unauthorized = (res: MedusaResponse) =>
  res.status(401).json({ type: "unauthorized", message: SESSION_ENDED_MESSAGE })

/** The bearer token a request carries, when it is one of ours in shape. */
export function bearerToken(req: MedusaRequest): string | null {
  const [scheme, token] = (req.headers.authorization ?? "").split(" ")
  return scheme?.toLowerCase() === "bearer" && isWellFormedToken(token) ? token : null
}

/**
 * The live session a token belongs to, with the records it sees — worked out
 * again (and remembered) at most once a minute; null when the session is over
 * or its record is gone.
 */
export async function portalContextOf(scope: MedusaRequest["scope"], token: string): Promise<PortalContext | null> {
  const service: CustomerPortalModuleService = scope.resolve(CUSTOMER_PORTAL_MODULE)
  const now = clock.now()
  const identity = await service.authenticateSession(hashToken(token), now)
  if (!identity) return null
  if (identity.customer_ids) return { ...identity, customer_ids: identity.customer_ids }
  const records = await sessionRecords(scope, identity)
  if (!records) return null
  await service.rememberSessionCustomers({ session_id: identity.session_id, ...records, now })
  return { ...identity, ...records }
}

/**
 * Every /store/portal route needs a live portal session (`Authorization:
 * Bearer <token>`) unless it is listed as public, so a new route is protected
 * by default. A missing, malformed, unknown, expired, idle or revoked token is
 * a 401 with one message.
 */
export async function authenticatePortal(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const path = req.originalUrl.split("?")[0]
  if (PUBLIC.some((p) => p.method === req.method && p.path.test(path))) {
    return next()
  }
  const token = bearerToken(req)
  const portal = token ? await portalContextOf(req.scope, token) : null
  if (!portal) {
    return unauthorized(res)
  }
  ;(req as PortalRequest).portal = portal
  res.setHeader("Cache-Control", "private, no-store")
  next()
}

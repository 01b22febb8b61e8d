import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { clock } from "../../lib/clock"
import { customerIdsSharingEmail } from "../../lib/customer-records"
import { hashToken, isWellFormedToken } from "../../lib/tokens"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import type { PortalIdentity, PortalSettings } from "../../modules/customer-portal/service"

export type PortalContext = PortalIdentity & {
  /** The session's customer and every other record with the same email (guest and account). */
  customer_ids: string[]
  /** The portal's settings (what the customer may do), read with the session. */
  settings: PortalSettings
}

export type PortalRequest<Body = unknown> = MedusaRequest<Body> & { portal: PortalContext }

export const SESSION_ENDED_MESSAGE = "Your portal session has ended. Sign in again."

/** Paths under /store/portal that a signed-out visitor may call. */
const PUBLIC = [
  { method: "GET", path: /^\/store\/portal\/businesses\/[^/]+\/?$/ },
  { method: "POST", path: /^\/store\/portal\/login-requests\/?$/ },
  { method: "POST", path: /^\/store\/portal\/sessions\/?$/ },
  { method: "POST", path: /^\/store\/portal\/email-changes\/?$/ },
]

const unauthorized = (res: MedusaResponse) =>
  res.status(401).json({ type: "unauthorized", message: SESSION_ENDED_MESSAGE })

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
  const [scheme, token] = (req.headers.authorization ?? "").split(" ")
  if (scheme?.toLowerCase() !== "bearer" || !isWellFormedToken(token)) {
    return unauthorized(res)
  }
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const now = clock.now()
  const identity = await service.authenticateSession(hashToken(token), now)
  if (!identity) {
    return unauthorized(res)
  }
  let customer_ids = identity.customer_ids
  if (!customer_ids) {
    // At most once a minute per session: the records sharing the customer's email.
    customer_ids = await customerIdsSharingEmail(req.scope.resolve(Modules.CUSTOMER), identity.customer_id)
    if (!customer_ids.length) {
      return unauthorized(res)
    }
    await service.rememberSessionCustomers({ session_id: identity.session_id, customer_ids, now })
  }
  ;(req as PortalRequest).portal = { ...identity, customer_ids }
  res.setHeader("Cache-Control", "private, no-store")
  next()
}

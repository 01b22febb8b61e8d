import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createHash } from "node:crypto"
import { clock } from "../../lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"

export type RateLimitRule = {
  /** Bucket name; the subject is appended. */
  name: string
  limit: number
  periodMs: number
  /** Requests allowed at once before the pace applies; `limit` when left out. */
  burst?: number
  /** Who is limited: the client's IP, or a value from the validated body. */
  subject: (req: MedusaRequest) => string | undefined
}

const digest = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 32)

/** The client's address as Express sees it under the app's `trust proxy` setting. */
export const clientIp = (req: MedusaRequest) => req.ip || req.socket.remoteAddress || "unknown"

/**
 * Middleware that refuses a request over any of `rules` with 429 and a
 * Retry-After header. Rules are taken in order and the first refusal ends the
 * check, so put the broadest (per address) first. Buckets live in PostgreSQL (all of a request's in one
 * round trip), so limits hold across server instances; subjects (emails, addresses) are stored only as hashes.
 */
export function rateLimit(rules: RateLimitRule[]) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
    const buckets = rules.flatMap((rule) => {
      const subject = rule.subject(req)
      return subject ? [{ key: `${rule.name}:${digest(subject)}`, limit: rule.limit, periodMs: rule.periodMs, burst: rule.burst }] : []
    })
    const { retryAfterSeconds: retryAfter } = await service.consumeRateLimits(buckets, clock.now())
    if (retryAfter > 0) {
      res.setHeader("Retry-After", String(retryAfter))
      res.status(429).json({
        type: "too_many_requests",
        message: `Too many attempts. Wait ${retryAfter} second${retryAfter === 1 ? "" : "s"} and try again.`,
      })
      return
    }
    next()
  }
}

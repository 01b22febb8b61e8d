import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createHmac } from "node:crypto"
import { clientAddressOf, rateLimitAddress } from "../../lib/client-address"
import { clock } from "../../lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import type { ResolvedPortalOptions } from "../../modules/customer-portal/options"

export type RateLimitRule = {
  /** Bucket name; the subject is appended. */
  name: string
  /** A number, or one read from the portal's options at request time. */
  limit: number | ((options: ResolvedPortalOptions) => number)
  periodMs: number
  /** Requests allowed at once before the pace applies; `limit` when left out. */
  burst?: number | ((options: ResolvedPortalOptions) => number)
  /** Who is limited: the client's IP, or a value from the validated body. */
  subject: (req: MedusaRequest) => string | undefined
}

/**
 * A bucket's subject as stored: a keyed HMAC under the server's cookie secret,
 * so a leaked table does not give addresses or emails back (a bare hash of an
 * IPv4 address is reversed in seconds).
 */
const digest = (req: MedusaRequest, value: string) => {
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as { projectConfig?: { http?: { cookieSecret?: string } } }
  const key = `customer-portal:rate-limit:${config.projectConfig?.http?.cookieSecret ?? ""}`
  return createHmac("sha256", key).update(value).digest("hex").slice(0, 32)
}

/** The client's address as the trusted proxies and the storefront's signed header tell it (see `clientAddressOf`), never a header the client sets. */
export const clientIp = (req: MedusaRequest) =>
  clientAddressOf(req as any, req.scope.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE).getOptions().clientAddress)

/** The client's address as limits count it: IPv6 by its /64. */
export const clientBucket = (req: MedusaRequest) => rateLimitAddress(clientIp(req))

/**
 * Middleware that refuses a request over any of `rules` with 429 and a
 * Retry-After header. Rules are taken in order and the first refusal ends the
 * check, so put the broadest (per address) first. Buckets live in PostgreSQL (all of a request's in one
 * round trip), so limits hold across server instances; subjects (emails, addresses) are stored only as keyed hashes.
 */
export function rateLimit(rules: RateLimitRule[]) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
    const options = service.getOptions()
    const read = (value: RateLimitRule["limit"] | undefined) => (typeof value === "function" ? value(options) : value)
    const buckets = rules.flatMap((rule) => {
      const subject = rule.subject(req)
      return subject ? [{ key: `${rule.name}:${digest(req, subject)}`, limit: read(rule.limit)!, periodMs: rule.periodMs, burst: read(rule.burst) }] : []
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

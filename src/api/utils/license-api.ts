import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { clock } from "../../lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import type { LicenseState } from "../../modules/customer-portal/service"

export const LICENSE_NOT_FOUND = "There is no such license key."

export const licenseService = (req: MedusaRequest): CustomerPortalModuleService => req.scope.resolve(CUSTOMER_PORTAL_MODULE)

const HOUR = 3_600_000

/**
 * Look-ups of keys that do not exist, from every address together (L9): a
 * guesser spread over many addresses gets past the per-address limit, not
 * past this. When it is spent the license API answers 429 to everyone until
 * it has room again (a few seconds at a time), so guessing stays as slow as
 * `limit` per `periodMs` however many addresses take part.
 */
export const UNKNOWN_KEY_BUDGET = { key: "license-api:unknown-key:all", limit: 600, periodMs: HOUR, burst: 100 }

/** Deactivations of one key (L9): a key cannot be moved from machine to machine without end. */
export const DEACTIVATION_LIMIT = { limit: 3, periodMs: 24 * HOUR }

export function refuseTooMany(res: MedusaResponse, retryAfterSeconds: number, code: string, message: string) {
  res.setHeader("Retry-After", String(retryAfterSeconds))
  res.status(429).json({ type: "too_many_requests", code, message })
}

/** Middleware: 429 for everyone while the budget of failed look-ups is spent. */
export async function unknownKeyGate(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const retryAfterSeconds = await licenseService(req).rateLimitWait(UNKNOWN_KEY_BUDGET, clock.now())
  if (retryAfterSeconds > 0) {
    return refuseTooMany(
      res,
      retryAfterSeconds,
      "too_many_unknown_keys",
      `The license API is pausing after too many look-ups of keys that do not exist. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`
    )
  }
  next()
}

/** Counts a look-up of a key that does not exist against everyone's budget. */
export async function spendUnknownKey(req: MedusaRequest): Promise<void> {
  await licenseService(req).consumeRateLimits([UNKNOWN_KEY_BUDGET], clock.now())
}

/** Spends one of the key's deactivations; the seconds to wait when none is left, else 0. */
export async function spendDeactivation(req: MedusaRequest, licenseKeyId: string): Promise<number> {
  const { retryAfterSeconds } = await licenseService(req).consumeRateLimits(
    [{ key: `license-api:deactivate:${licenseKeyId}`, limit: DEACTIVATION_LIMIT.limit, periodMs: DEACTIVATION_LIMIT.periodMs }],
    clock.now()
  )
  return retryAfterSeconds
}

/** A license key by value, or a 404 that says no more than that (and counts against the budget of failed look-ups). */
export async function licenseByKey(req: MedusaRequest, key: string): Promise<LicenseState> {
  const license = await licenseService(req).findLicense(key)
  if (!license) {
    await spendUnknownKey(req)
    throw new MedusaError(MedusaError.Types.NOT_FOUND, LICENSE_NOT_FOUND)
  }
  return license
}

/**
 * What the license API tells the software holding a key: the key's own
 * state and terms, never who bought it or anything else about the store's
 * customers.
 */
export function presentLicense(license: LicenseState) {
  return {
    status: license.status,
    mode: license.mode,
    product_title: license.product_title,
    activation_limit: license.activation_limit,
    activations_used: license.activations.length,
    expires_at: license.expires_at,
  }
}

export const presentInstance = (activation: LicenseState["activations"][number]) => ({
  id: activation.id,
  name: activation.instance_name,
  activated_at: activation.created_at,
})

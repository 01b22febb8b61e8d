import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { clock } from "../../lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import type { PortalContext } from "./portal-auth"

export const LICENSE_KEY_NOT_FOUND = "There is no such license key in your account."

type KeyRow = {
  id: string
  key: string
  status: string
  product_title: string
  activation_limit: number | null
  expires_at: Date | string | null
  subscription_id: string | null
  created_at: Date | string
}

/** A license key of the signed-in customer (any record with their email, in the session's mode); anyone else's is a 404. */
export async function ownLicenseKey(scope: MedusaContainer, portal: PortalContext, id: string) {
  const service: CustomerPortalModuleService = scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [key] = await service.listLicenseKeys({ id, customer_id: portal.customer_ids, mode: portal.mode }, { take: 1 })
  if (!key) throw new MedusaError(MedusaError.Types.NOT_FOUND, LICENSE_KEY_NOT_FOUND)
  return key
}

/**
 * The key with all but its last four characters hidden, dashes kept where
 * they are: enough to tell keys apart, never enough to narrow a guess.
 * `ACME-7K2QD-M9X4T-0PZ3R-HV8WN` reads `••••-•••••-•••••-•••••-•V8WN`.
 */
export function maskLicenseKey(key: string): string {
  let shown = 4
  return [...key]
    .reverse()
    .map((char) => (char === "-" ? char : shown-- > 0 ? char : "•"))
    .reverse()
    .join("")
}

/** A key as its customer sees it before revealing it: masked, with its terms and how many activations it uses. */
export function presentLicenseKey(key: KeyRow, activationsUsed: number) {
  const expired = key.status === "expired" || (!!key.expires_at && new Date(key.expires_at) <= clock.now())
  return {
    id: key.id,
    product_title: key.product_title,
    status: expired && key.status === "active" ? "expired" : key.status,
    masked_key: maskLicenseKey(key.key),
    activation_limit: key.activation_limit,
    activations_used: activationsUsed,
    expires_at: key.expires_at,
    tied_to_subscription: !!key.subscription_id,
    issued_at: key.created_at,
  }
}

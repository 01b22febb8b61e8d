import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import type { LicenseState } from "../../modules/customer-portal/service"

export const LICENSE_NOT_FOUND = "There is no such license key."

export const licenseService = (req: MedusaRequest): CustomerPortalModuleService => req.scope.resolve(CUSTOMER_PORTAL_MODULE)

/** A license key by value, or a 404 that says no more than that. */
export async function licenseByKey(req: MedusaRequest, key: string): Promise<LicenseState> {
  const license = await licenseService(req).findLicense(key)
  if (!license) throw new MedusaError(MedusaError.Types.NOT_FOUND, LICENSE_NOT_FOUND)
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

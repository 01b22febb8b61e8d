import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"

/** A license key as the merchant sees it: the whole key, its terms, owner and activations used. */
export function presentAdminLicenseKey(key: any, activationsUsed: number, customerEmail: string | null) {
  return {
    id: key.id,
    key: key.key,
    status: key.status,
    mode: key.mode,
    product_title: key.product_title,
    product_variant_id: key.product_variant_id,
    customer_id: key.customer_id,
    customer_email: customerEmail,
    order_id: key.order_id,
    subscription_id: key.subscription_id,
    activation_limit: key.activation_limit,
    activations_used: activationsUsed,
    expires_at: key.expires_at,
    disabled_at: key.disabled_at,
    revoked_at: key.revoked_at,
    created_at: key.created_at,
  }
}

export async function adminLicenseKey(scope: MedusaContainer, id: string) {
  const service: CustomerPortalModuleService = scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [key] = await service.listLicenseKeys({ id }, { take: 1 })
  if (!key) throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no license key with the id ${id}.`)
  return key
}

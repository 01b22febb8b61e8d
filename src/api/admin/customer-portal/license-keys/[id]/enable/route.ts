import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { clock } from "../../../../../../lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../../modules/customer-portal/service"
import { adminLicenseKey, presentAdminLicenseKey } from "../../../../../utils/admin-license"

/**
 * The merchant re-enables a revoked key. It takes the state its
 * subscription gives it (disabled while on hold, expired once ended), or
 * active.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const key = await adminLicenseKey(req.scope, req.params.id)
  if (key.status !== "revoked") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Only a revoked license key can be enabled again.")
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const sub = key.subscription_id ? await service.retrieveSubscription(key.subscription_id).catch(() => null) : null
  const now = clock.now()
  const status = sub?.status === "on_hold" ? "disabled" : sub && (sub.status === "cancelled" || sub.status === "expired") ? "expired" : "active"
  const updated = await service.updateLicenseKeys({
    id: key.id,
    status,
    revoked_at: null,
    disabled_at: status === "disabled" ? now : null,
  } as any)
  res.json({ license_key: presentAdminLicenseKey(updated, (await service.countActivations([key.id])).get(key.id) ?? 0, null) })
}

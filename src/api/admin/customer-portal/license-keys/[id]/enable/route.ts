import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../../modules/customer-portal/service"
import { setLicenseKeyRevokedWorkflow } from "../../../../../../workflows/set-license-key-revoked"
import { adminActor } from "../../../../../utils/activity"
import { adminLicenseKey, presentAdminLicenseKey } from "../../../../../utils/admin-license"

/**
 * The merchant re-enables a revoked key. It takes the state its
 * subscription gives it (disabled while on hold, expired once ended), or
 * active.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const key = await adminLicenseKey(req.scope, req.params.id)
  await setLicenseKeyRevokedWorkflow(req.scope).run({ input: { id: key.id, revoked: false, actor: adminActor(req) } })
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const updated = await service.retrieveLicenseKey(key.id)
  res.json({ license_key: presentAdminLicenseKey(updated, (await service.countActivations([key.id])).get(key.id) ?? 0, null) })
}

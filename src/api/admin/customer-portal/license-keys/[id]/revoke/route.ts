import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { clock } from "../../../../../../lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../../modules/customer-portal/service"
import { adminLicenseKey, presentAdminLicenseKey } from "../../../../../utils/admin-license"

/** The merchant revokes a key: the license API refuses it from now on, whatever its subscription does. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const key = await adminLicenseKey(req.scope, req.params.id)
  if (key.status === "revoked") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This license key is already revoked.")
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const updated = await service.updateLicenseKeys({ id: key.id, status: "revoked", revoked_at: clock.now() } as any)
  res.json({ license_key: presentAdminLicenseKey(updated, (await service.countActivations([key.id])).get(key.id) ?? 0, null) })
}

import type { MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../modules/customer-portal/service"
import type { PortalRequest } from "../../../../utils/portal-auth"
import { ownLicenseKey, presentLicenseKey } from "../../../../utils/portal-license"

/** One license key of the customer, masked, with the instances it is active on and whether they may free one. */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const key = await ownLicenseKey(req.scope, req.portal, req.params.id)
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const portal = req.portal.settings
  const activations = await service.listLicenseActivations(
    { license_key: { id: key.id }, deactivated_at: null } as any,
    { order: { created_at: "ASC" }, take: 1000 }
  )
  res.json({
    license_key: {
      ...presentLicenseKey(key as any, activations.length),
      activations: activations.map((a) => ({ id: a.id, name: a.instance_name, activated_at: a.created_at, last_validated_at: a.last_validated_at })),
      can_deactivate: portal.allow_license_deactivation,
    },
  })
}

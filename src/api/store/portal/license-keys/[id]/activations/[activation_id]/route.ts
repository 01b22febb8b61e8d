import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { clock } from "../../../../../../../lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../../../modules/customer-portal/service"
import type { PortalRequest } from "../../../../../../utils/portal-auth"
import { ownLicenseKey } from "../../../../../../utils/portal-license"

/** P5: the customer frees one activation of their key (a device they no longer use), when the store allows it. */
export const DELETE = async (req: PortalRequest, res: MedusaResponse) => {
  const key = await ownLicenseKey(req.scope, req.portal, req.params.id)
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const portal = req.portal.settings
  if (!portal.allow_license_deactivation) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Activations cannot be removed from this portal. Contact the store to free one.")
  }
  const ended = await service.deactivateLicense({ license_key_id: key.id, activation_id: req.params.activation_id, now: clock.now() })
  if (!ended) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "There is no such activation of this license key.")
  }
  res.json({ id: req.params.activation_id, object: "license_activation", deleted: true })
}

import type { MedusaResponse } from "@medusajs/framework/http"
import { deactivateLicenseActivationWorkflow } from "../../../../../../../workflows/deactivate-license-activation"
import { customerActor } from "../../../../../../utils/activity"
import type { PortalRequest } from "../../../../../../utils/portal-auth"
import { ownLicenseKey } from "../../../../../../utils/portal-license"

/** P5: the customer frees one activation of their key (a device they no longer use), when the store allows it (a refusal carries its `code`). */
export const DELETE = async (req: PortalRequest, res: MedusaResponse) => {
  const key = await ownLicenseKey(req.scope, req.portal, req.params.id)
  await deactivateLicenseActivationWorkflow(req.scope).run({
    input: { portal_id: req.portal.portal_id, license_key_id: key.id, activation_id: req.params.activation_id, actor: customerActor(req) },
  })
  res.json({ id: req.params.activation_id, object: "license_activation", deleted: true })
}

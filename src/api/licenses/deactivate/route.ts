import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { clock } from "../../../lib/clock"
import { licenseByKey, licenseService, presentLicense } from "../../utils/license-api"
import type { LicenseDeactivateType } from "../validators"

/** License API: frees one activation of a key (by instance name or id), so it can be used elsewhere. 404 when there is no such key or activation. */
export const POST = async (req: MedusaRequest<LicenseDeactivateType>, res: MedusaResponse) => {
  const { key, instance_name, instance_id } = req.validatedBody
  const license = await licenseByKey(req, key)
  const ended = await licenseService(req).deactivateLicense({ license_key_id: license.id, instance_name, activation_id: instance_id, now: clock.now() })
  if (!ended) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "This license key is not activated on that instance.")
  }
  res.json({ license_key: presentLicense(await licenseByKey(req, key)), deactivated: true })
}

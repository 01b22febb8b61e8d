import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { clock } from "../../../lib/clock"
import { LICENSE_NOT_FOUND, licenseService, presentInstance, presentLicense, spendUnknownKey } from "../../utils/license-api"
import type { LicenseActivateType } from "../validators"

/**
 * License API: activates a key on an instance. 201 for a new activation, 200
 * when the instance was already activated; 400 with a `code` when the key
 * cannot be used (revoked, disabled, expired) or its activations are all
 * taken; 404 for a key that does not exist.
 */
export const POST = async (req: MedusaRequest<LicenseActivateType>, res: MedusaResponse) => {
  const { key, instance_name, mode } = req.validatedBody
  const result = await licenseService(req)
    .activateLicense({ key, instance_name, mode, now: clock.now() })
    .catch(async (error) => {
      if ((error as MedusaError)?.type !== MedusaError.Types.NOT_FOUND) throw error
      await spendUnknownKey(req)
      throw new MedusaError(MedusaError.Types.NOT_FOUND, LICENSE_NOT_FOUND)
    })
  if (result.refused) {
    res.status(400).json({ type: "not_allowed", ...result.refused, license_key: presentLicense(result.license) })
    return
  }
  res.status(result.created ? 201 : 200).json({ license_key: presentLicense(result.license), instance: presentInstance(result.activation) })
}

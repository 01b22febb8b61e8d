import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { clock } from "../../../lib/clock"
import { licenseModeRefusal } from "../../../modules/customer-portal/service"
import { DEACTIVATION_LIMIT, licenseByKey, licenseService, presentLicense, refuseTooMany, spendDeactivation } from "../../utils/license-api"
import type { LicenseDeactivateType } from "../validators"

const NOT_ACTIVATED = "This license key is not activated on that instance."

/** "2 hours", "15 minutes": how long until the key may be deactivated again. */
const wait = (seconds: number) => {
  const [amount, unit] = seconds >= 3600 ? [Math.ceil(seconds / 3600), "hour"] : [Math.max(1, Math.ceil(seconds / 60)), "minute"]
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`
}

/**
 * License API: frees one activation of a key (by instance name or id), so it
 * can be used elsewhere. 404 when there is no such key or activation; 429
 * (`deactivation_limit_reached`, with Retry-After) once the key was
 * deactivated DEACTIVATION_LIMIT times in its period, so one key cannot
 * travel between any number of machines.
 */
export const POST = async (req: MedusaRequest<LicenseDeactivateType>, res: MedusaResponse) => {
  const { key, instance_name, instance_id, mode } = req.validatedBody
  const license = await licenseByKey(req, key)
  const wrongMode = licenseModeRefusal(license, mode)
  if (wrongMode) {
    res.status(400).json({ type: "not_allowed", ...wrongMode, license_key: presentLicense(license) })
    return
  }
  // Only a deactivation that can happen spends one: a wrong instance name costs nothing.
  if (!license.activations.some((a) => (instance_id ? a.id === instance_id : a.instance_name === instance_name))) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, NOT_ACTIVATED)
  }
  const retryAfter = await spendDeactivation(req, license.id)
  if (retryAfter > 0) {
    const { limit, periodMs } = DEACTIVATION_LIMIT
    return refuseTooMany(
      res,
      retryAfter,
      "deactivation_limit_reached",
      `This license key can be deactivated ${limit} times in ${periodMs / 3_600_000} hours, and that is used up. Try again in ${wait(retryAfter)}.`
    )
  }
  const ended = await licenseService(req).deactivateLicense({ license_key_id: license.id, instance_name, activation_id: instance_id, now: clock.now() })
  if (!ended) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, NOT_ACTIVATED)
  }
  res.json({ license_key: presentLicense(await licenseByKey(req, key)), deactivated: true })
}

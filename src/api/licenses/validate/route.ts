import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { clock } from "../../../lib/clock"
import { licenseRefusal } from "../../../modules/customer-portal/service"
import { licenseByKey, presentInstance, presentLicense } from "../../utils/license-api"
import type { LicenseValidateType } from "../validators"

/**
 * License API: is this key usable (and, with `instance_name`, activated on
 * that instance)? 200 with `valid` and, when not, a `code` and a sentence;
 * 404 for a key that does not exist. A test key is valid only when the
 * caller asks about test keys (`mode: "test"`).
 */
export const POST = async (req: MedusaRequest<LicenseValidateType>, res: MedusaResponse) => {
  const { key, instance_name, mode } = req.validatedBody
  const license = await licenseByKey(req, key)
  const refusal = licenseRefusal(license, clock.now(), mode)
  const instance = instance_name ? license.activations.find((a) => a.instance_name === instance_name) ?? null : null
  const notActivated = !!instance_name && !instance
  res.json({
    valid: !refusal && !notActivated,
    ...(refusal
      ? refusal
      : notActivated
        ? { code: "not_activated", message: "This license key is not activated on this instance." }
        : {}),
    license_key: presentLicense(license),
    instance: instance ? presentInstance(instance) : null,
  })
}

import type { MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_PORTAL_MODULE } from "../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../modules/customer-portal/service"
import type { PortalRequest } from "../../../utils/portal-auth"
import { presentLicenseKey } from "../../../utils/portal-license"
import type { StorePortalListLicenseKeysType } from "../validators"

/** P5: the customer's license keys, newest first, masked, with activations used of the limit. */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as StorePortalListLicenseKeysType
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [keys, count] = await service.listOwnedRows("license_key", { customer_id: req.portal.customer_ids, mode: req.portal.mode }, { skip: offset, take: limit })
  const used = await service.countActivations(keys.map((key) => key.id))
  res.json({ license_keys: keys.map((key) => presentLicenseKey(key, used.get(key.id) ?? 0)), count, limit, offset })
}

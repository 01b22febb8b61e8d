import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../modules/customer-portal/service"

/** Stops issuing keys for the variant. Keys already issued stay as they are. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [plan] = await service.listLicensePlans({ id: req.params.id }, { take: 1 })
  if (!plan) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no license plan with the id ${req.params.id}.`)
  }
  await service.softDeleteLicensePlans(plan.id)
  res.json({ id: plan.id, object: "license_plan", deleted: true })
}

import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { customerIdsSharingEmail } from "../../../../../lib/customer-records"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../modules/customer-portal/service"
import { presentActivity } from "../../../../utils/activity"
import type { AdminListPortalActivityType } from "../../../validators"

/**
 * The customer's portal audit trail, for their page in the admin: who did
 * what, when and from where — on this record and on the others with the same
 * email, which share one portal.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AdminListPortalActivityType
  const ids = await customerIdsSharingEmail(req.scope.resolve(Modules.CUSTOMER), req.params.id)
  if (!ids.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${req.params.id} was not found`)
  }
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [rows, count] = await service.listAndCountPortalActivities(
    { customer_id: ids },
    { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({ activity: rows.map((row) => presentActivity(row, "admin")), count, limit, offset })
}

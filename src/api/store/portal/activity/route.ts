import type { MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_PORTAL_MODULE } from "../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../modules/customer-portal/service"
import { presentActivity } from "../../../utils/activity"
import type { PortalRequest } from "../../../utils/portal-auth"
import type { StorePortalListActivityType } from "../validators"

/** The customer's recent activity: sign-ins, links, changes — theirs and the store's — newest first. */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as StorePortalListActivityType
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [rows, count] = await service.listAndCountPortalActivities(
    // What happened in the other mode stays there; the person's own details (mode null) show in both.
    { customer_id: req.portal.customer_ids, $or: [{ mode: req.portal.mode }, { mode: null }] } as any,
    { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({ activity: rows.map((row) => presentActivity(row, "customer")), count, limit, offset })
}

import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { revokeCustomerPortalAccessWorkflow } from "../../../../../../workflows/revoke-customer-portal-access"
import { recordAdminActivity } from "../../../../../utils/activity"

/** "Revoke all links and sessions" for a customer. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await revokeCustomerPortalAccessWorkflow(req.scope).run({ input: { customer_id: req.params.id } })
  await recordAdminActivity(req, req.params.id, "access_revoked", { sessions: result.sessions, links: result.links })
  res.json({ revoked: result })
}

import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { revokeCustomerPortalAccessWorkflow } from "../../../../../../workflows/revoke-customer-portal-access"

/** "Revoke all links and sessions" for a customer. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await revokeCustomerPortalAccessWorkflow(req.scope).run({ input: { customer_id: req.params.id } })
  res.json({ revoked: result })
}

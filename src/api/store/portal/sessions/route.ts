import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { redeemPortalLinkWorkflow } from "../../../../workflows/redeem-portal-link"
import type { StorePortalCreateSessionType } from "../validators"
import { revokeCustomerPortalAccessWorkflow } from "../../../../workflows/revoke-customer-portal-access"
import { recordActivity, recordCustomerActivity, requestOrigin } from "../../../utils/activity"
import type { PortalRequest } from "../../../utils/portal-auth"

/**
 * Redeems a one-time link (the explicit "Continue" on the link's page; opening
 * the link never consumes it) and answers the new session's token.
 */
export const POST = async (req: MedusaRequest<StorePortalCreateSessionType>, res: MedusaResponse) => {
  const { result } = await redeemPortalLinkWorkflow(req.scope).run({
    input: { token: req.validatedBody.token, ...requestOrigin(req) },
  })
  await recordActivity(req.scope, { customer_id: result.customer_id, action: "signed_in", actor_type: "customer", actor_id: result.customer_id, ...requestOrigin(req) })
  res.setHeader("Cache-Control", "no-store")
  res.status(201).json({ session_token: result.session_token, expires_at: result.expires_at })
}

/**
 * "Sign out everywhere": every session of the signed-in customer (this one
 * too, on every device) and every unused sign-in link stop working.
 */
export const DELETE = async (req: PortalRequest, res: MedusaResponse) => {
  const { result } = await revokeCustomerPortalAccessWorkflow(req.scope).run({ input: { customer_id: req.portal.customer_id } })
  await recordCustomerActivity(req, "signed_out_everywhere", { sessions: result.sessions })
  res.json({ object: "portal_session", deleted: true, sessions: result.sessions })
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { generateToken, hashToken } from "../../../../lib/tokens"
import { redeemPortalLinkWorkflow } from "../../../../workflows/redeem-portal-link"
import type { StorePortalCreateSessionType } from "../validators"
import { revokeCustomerPortalAccessWorkflow } from "../../../../workflows/revoke-customer-portal-access"
import { recordActivity, recordCustomerActivity, requestOrigin } from "../../../utils/activity"
import { bearerToken, type PortalRequest } from "../../../utils/portal-auth"

/**
 * Redeems a one-time link (the explicit "Continue" on the link's page; opening
 * the link never consumes it) and answers the new session's token. The
 * storefront sends the session this browser had until now, if any, as the
 * bearer token: it ends, replaced by the new one, and if it asked for this
 * link (to confirm its address) its record's address is now confirmed. The
 * session's token is made here and the workflow gets hashes only, so no raw
 * token is in a workflow checkpoint.
 */
export const POST = async (req: MedusaRequest<StorePortalCreateSessionType>, res: MedusaResponse) => {
  const sessionToken = generateToken()
  const replacing = bearerToken(req)
  const { result } = await redeemPortalLinkWorkflow(req.scope).run({
    input: {
      token_hash: hashToken(req.validatedBody.token),
      session_token_hash: hashToken(sessionToken),
      replacing_token_hash: replacing ? hashToken(replacing) : null,
      ...requestOrigin(req),
    },
  })
  const who = { customer_id: result.customer_id, mode: result.mode, actor_type: "customer" as const, actor_id: result.customer_id, ...requestOrigin(req) }
  await recordActivity(req.scope, { ...who, action: "signed_in", details: { email_proven: result.email_proven } })
  if (result.email_confirmed_for_record) await recordActivity(req.scope, { ...who, action: "email_confirmed" })
  res.setHeader("Cache-Control", "no-store")
  res.status(201).json({ session_token: sessionToken, expires_at: result.expires_at })
}

/**
 * "Sign out everywhere": every session of the records this session sees
 * (this one too, on every device) and every unused sign-in link of theirs
 * stop working.
 */
export const DELETE = async (req: PortalRequest, res: MedusaResponse) => {
  const { result } = await revokeCustomerPortalAccessWorkflow(req.scope).run({
    input: { customer_id: req.portal.customer_id, customer_ids: req.portal.customer_ids },
  })
  await recordCustomerActivity(req, "signed_out_everywhere", { sessions: result.sessions })
  res.json({ object: "portal_session", deleted: true, sessions: result.sessions })
}

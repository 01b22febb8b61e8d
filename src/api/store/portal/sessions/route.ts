import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { redeemPortalLinkWorkflow } from "../../../../workflows/redeem-portal-link"
import { clientIp } from "../../../utils/rate-limit"
import type { StorePortalCreateSessionType } from "../validators"

/**
 * Redeems a one-time link (the explicit "Continue" on the link's page; opening
 * the link never consumes it) and answers the new session's token.
 */
export const POST = async (req: MedusaRequest<StorePortalCreateSessionType>, res: MedusaResponse) => {
  const { result } = await redeemPortalLinkWorkflow(req.scope).run({
    input: { token: req.validatedBody.token, ip: clientIp(req), user_agent: req.get("user-agent") ?? null },
  })
  res.setHeader("Cache-Control", "no-store")
  res.status(201).json({ session_token: result.session_token, expires_at: result.expires_at })
}

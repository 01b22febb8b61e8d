import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { portalAccessUrl } from "../../../../../lib/portal-links"
import { generateToken, hashToken } from "../../../../../lib/tokens"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../modules/customer-portal/service"
import { issuePortalLinkWorkflow } from "../../../../../workflows/issue-portal-link"
import type { AdminCreatePortalSessionType } from "../../../validators"
import { recordAdminActivity } from "../../../../utils/activity"

/**
 * A5: creates a time-limited portal link for a customer — from the admin's
 * "Share invite", or from the merchant's server with a secret API key — and
 * optionally emails it to them. A link handed over this way proves nothing
 * about who holds it: its session sees only this customer record until the
 * address is confirmed (see docs/architecture.md, "Identity"). An emailed
 * link proves the address, so it is never answered here: only the mailbox
 * gets it. A handed-over link's token is made here and the workflow gets its
 * hash only, so no raw token is in a workflow checkpoint.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreatePortalSessionType>, res: MedusaResponse) => {
  const { actor_type, actor_id } = req.auth_context
  const sendEmail = req.validatedBody.send_email ?? false
  const token = sendEmail ? null : generateToken()
  const { result } = await issuePortalLinkWorkflow(req.scope).run({
    input: {
      customer_id: req.params.id,
      purpose: "invite",
      issued_by_type: actor_type === "api-key" ? "api_key" : "admin_user",
      issued_by_id: actor_id,
      send_email: sendEmail,
      locale: req.validatedBody.locale,
      mode: req.validatedBody.mode,
      token_hash: token ? hashToken(token) : null,
    },
  })
  const options = req.scope.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE).getOptions()
  const link = token && !result.emailed ? portalAccessUrl(options, result.mode, result.locale, token) : null
  await recordAdminActivity(req, req.params.id, "link_issued", { emailed: result.emailed })
  res.setHeader("Cache-Control", "no-store")
  res.status(201).json({ portal_session: { link, emailed: result.emailed, expires_at: result.expires_at } })
}

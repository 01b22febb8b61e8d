import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { issuePortalLinkWorkflow } from "../../../../../workflows/issue-portal-link"
import { recordCustomerActivity } from "../../../../utils/activity"
import type { PortalRequest } from "../../../../utils/portal-auth"
import { requestLanguage } from "../../../../utils/portal-invoice"

/**
 * "Send me a link": emails a one-time link to the address of the session's
 * customer record (15 minutes). Opened in this browser, it confirms the
 * address for this record — its session, and its later sessions, see every
 * purchase made with the address. Opened elsewhere it only signs in there.
 * 202 with the address it went to.
 */
export const POST = async (req: PortalRequest, res: MedusaResponse) => {
  if (req.portal.email_confirmed) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Your email address is already confirmed.")
  }
  const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: req.portal.customer_id }, { select: ["id", "email"], take: 1 })
  if (!customer?.email) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "There is no email address on your account to confirm. Contact the store.")
  }
  const { result } = await issuePortalLinkWorkflow(req.scope).run({
    input: {
      customer_id: customer.id,
      purpose: "confirm_email",
      issued_by_type: "customer_request",
      send_email: true,
      locale: requestLanguage(req) ?? req.portal.settings.default_locale,
      mode: req.portal.mode,
      requested_by_session_id: req.portal.session_id,
    },
  })
  await recordCustomerActivity(req, "email_confirmation_requested")
  res.status(202).json({ email_confirmation: { email: customer.email, expires_at: result.expires_at } })
}

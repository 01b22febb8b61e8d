import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { clock } from "../../../../../lib/clock"
import { normalizeEmail } from "../../../../../lib/customer-records"
import { cancelEmailChanges } from "../../../../../lib/email-change"
import { hasFreshProof } from "../../../../../lib/identity"
import { requestEmailChangeWorkflow } from "../../../../../workflows/request-email-change"
import type { PortalRequest } from "../../../../utils/portal-auth"
import { requestLanguage } from "../../../../utils/portal-invoice"
import type { StorePortalRequestEmailChangeType } from "../../validators"
import { recordCustomerActivity } from "../../../../utils/activity"


/**
 * P4: asks to change the email address (202). With a sign-in by a link
 * emailed to the current address in the last ten minutes, the new address
 * gets its link at once (`awaiting: "new_address"`); otherwise the current
 * address must confirm first (`awaiting: "current_address"`). The email
 * changes only when the new address's link is used. The answer is the same
 * whether or not the new address is in use.
 */
export const POST = async (req: PortalRequest<StorePortalRequestEmailChangeType>, res: MedusaResponse) => {
  const portal = req.portal.settings
  const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: req.portal.customer_id }, { select: ["id", "email"], take: 1 })
  const { email } = req.validatedBody
  if (customer?.email && normalizeEmail(customer.email) === email) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "This is already your email address.")
  }
  if (!customer?.email) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "There is no email address on your account to change. Contact the store.")
  }
  const { result } = await requestEmailChangeWorkflow(req.scope).run({
    input: {
      portal: { id: req.portal.portal_id, mode: req.portal.mode },
      customer_id: req.portal.customer_id,
      session_id: req.portal.session_id,
      email,
      locale: requestLanguage(req) ?? portal.default_locale,
      fresh: hasFreshProof(req.portal, customer.email, clock.now()),
    },
  })
  await recordCustomerActivity(req, "email_change_requested", { email, awaiting: result.awaiting })
  res.status(202).json({ email_change: { email: result.email, expires_at: result.expires_at, awaiting: result.awaiting } })
}

/** Cancels a pending change: its links stop working. */
export const DELETE = async (req: PortalRequest, res: MedusaResponse) => {
  const cancelled = await cancelEmailChanges(req.scope, req.portal.customer_id)
  res.json({ cancelled: cancelled > 0 })
}

import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { cancelEmailChanges, requestEmailChange } from "../../../../../lib/email-change"
import { issuePortalLinkWorkflow } from "../../../../../workflows/issue-portal-link"
import type { PortalRequest } from "../../../../utils/portal-auth"
import { requestLanguage } from "../../../../utils/portal-invoice"
import type { StorePortalRequestEmailChangeType } from "../../validators"
import { recordCustomerActivity } from "../../../../utils/activity"

/**
 * P4: asks to change the email address. The new address gets a link that
 * makes the change; the current one is told, with a link into the portal to
 * cancel it. The email changes only when the link is used. The answer is the
 * same whether or not the new address is free.
 */
export const POST = async (req: PortalRequest<StorePortalRequestEmailChangeType>, res: MedusaResponse) => {
  const portal = req.portal.settings
  if (!portal.allow_profile_edit) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Your profile cannot be changed from this portal. Contact the store to change it.")
  }
  const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: req.portal.customer_id }, { select: ["id", "email"], take: 1 })
  const { email } = req.validatedBody
  if (customer?.email?.toLowerCase() === email) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "This is already your email address.")
  }
  const locale = requestLanguage(req) ?? portal.default_locale
  const change = await requestEmailChange(req.scope, {
    portal: { id: req.portal.portal_id, mode: req.portal.mode },
    customer_id: req.portal.customer_id,
    new_email: email,
    locale,
  })
  await issuePortalLinkWorkflow(req.scope).run({
    input: {
      customer_id: req.portal.customer_id,
      issued_by_type: "system",
      send_email: true,
      locale,
      mode: req.portal.mode,
      email_template: "email-change-requested",
      email_details: { email },
    },
  })
  await recordCustomerActivity(req, "email_change_requested", { email })
  res.status(202).json({ email_change: change })
}

/** Cancels a pending change: its link stops working. */
export const DELETE = async (req: PortalRequest, res: MedusaResponse) => {
  const cancelled = await cancelEmailChanges(req.scope, req.portal.customer_id)
  res.json({ cancelled: cancelled > 0 })
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { clock } from "../../../../lib/clock"
import { EMAIL_CHANGE_LINK_INVALID } from "../../../../lib/email-change"
import { hashToken } from "../../../../lib/tokens"
import { CUSTOMER_PORTAL_MODULE } from "../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../modules/customer-portal/service"
import { authorizeEmailChangeWorkflow } from "../../../../workflows/authorize-email-change"
import { confirmEmailChangeWorkflow } from "../../../../workflows/confirm-email-change"
import { undoEmailChangeWorkflow } from "../../../../workflows/undo-email-change"
import { recordActivity, requestOrigin } from "../../../utils/activity"
import { requestLanguage } from "../../../utils/portal-invoice"
import type { StorePortalConfirmEmailChangeType } from "../validators"

/**
 * P4: a link of an email change is used (no session needed: the link proves
 * the mailbox it was sent to). What it does depends on the link:
 * - from the current address: the change is confirmed there, and the new
 *   address gets its link (`awaiting_new_address`);
 * - from the new address: the email changes (`changed`);
 * - from the old address after a change: the old address is back (`restored`).
 * 404 for a link that is unknown, used or expired; 400 when the address
 * cannot be used. Each carries a sentence for the customer.
 */
export const POST = async (req: MedusaRequest<StorePortalConfirmEmailChangeType>, res: MedusaResponse) => {
  // The workflows get the hash only: the raw token is in no checkpoint.
  const token_hash = hashToken(req.validatedBody.token)
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const link = await service.findUsableLink(token_hash, clock.now())
  const locale = requestLanguage(req) ?? "en"
  const actor = (customer_id: string) => ({ customer_id, actor_type: "customer" as const, actor_id: customer_id, ...requestOrigin(req) })
  switch (link?.purpose) {
    case "email_change_authorize": {
      const { result } = await authorizeEmailChangeWorkflow(req.scope).run({ input: { token_hash, locale } })
      return res.json({ status: "awaiting_new_address", email: result.email })
    }
    case "email_change": {
      const { result } = await confirmEmailChangeWorkflow(req.scope).run({ input: { token_hash, locale } })
      await recordActivity(req.scope, { ...actor(result.customer_id), action: "email_changed", details: { email: result.email, previous_email: result.previous_email } })
      return res.json({ status: "changed", email: result.email })
    }
    case "email_change_undo": {
      const { result } = await undoEmailChangeWorkflow(req.scope).run({ input: { token_hash } })
      await recordActivity(req.scope, { ...actor(result.customer_id), action: "email_change_undone", details: { email: result.email, previous_email: result.previous_email } })
      return res.json({ status: "restored", email: result.email })
    }
    default:
      throw new MedusaError(MedusaError.Types.NOT_FOUND, EMAIL_CHANGE_LINK_INVALID)
  }
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { confirmEmailChange } from "../../../../lib/email-change"
import type { StorePortalConfirmEmailChangeType } from "../validators"
import { recordActivity, requestOrigin } from "../../../utils/activity"

/**
 * P4: the link sent to the new address is used (no session needed: the link
 * proves the address). 200 with the address now in use; 404 for a link that
 * is unknown, used or expired; 400 when the address was taken meanwhile.
 */
export const POST = async (req: MedusaRequest<StorePortalConfirmEmailChangeType>, res: MedusaResponse) => {
  const { customer_id, email, previous_email } = await confirmEmailChange(req.scope, req.validatedBody.token)
  await recordActivity(req.scope, {
    customer_id,
    action: "email_changed",
    actor_type: "customer",
    actor_id: customer_id,
    ...requestOrigin(req),
    details: { email, previous_email },
  })
  res.json({ email })
}

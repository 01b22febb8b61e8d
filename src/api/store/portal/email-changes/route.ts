import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { confirmEmailChange } from "../../../../lib/email-change"
import type { StorePortalConfirmEmailChangeType } from "../validators"

/**
 * P4: the link sent to the new address is used (no session needed: the link
 * proves the address). 200 with the address now in use; 404 for a link that
 * is unknown, used or expired; 400 when the address was taken meanwhile.
 */
export const POST = async (req: MedusaRequest<StorePortalConfirmEmailChangeType>, res: MedusaResponse) => {
  const { email } = await confirmEmailChange(req.scope, req.validatedBody.token)
  res.json({ email })
}

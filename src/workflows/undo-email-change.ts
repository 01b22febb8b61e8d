import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { EMAIL_CHANGE_LINK_INVALID } from "../lib/email-change"
import { checkEmailChangeStep } from "./steps/check-email-change"
import { consumePortalLinkStep } from "./steps/consume-portal-link"
import { moveLoginEmailStep } from "./steps/move-login-email"
import { recordEmailProofStep } from "./steps/record-email-proof"
import { revokePortalAccessStep } from "./steps/revoke-portal-access"

export const undoEmailChangeWorkflowId = "undo-email-change"

/**
 * P4: the link sent to the old address after a change is used: the old
 * address is put back (on the customer and their store sign-in), and every
 * session and unused link of the customer ends — whoever made the change is
 * signed out, and their pending changes are gone.
 * It takes the SHA-256 of the link's token, never the token itself.
 */
export const undoEmailChangeWorkflow = createWorkflow(undoEmailChangeWorkflowId, (input: { token_hash: string }) => {
  const link = consumePortalLinkStep(
    transform({ input }, ({ input }) => ({ token_hash: input.token_hash, purposes: ["email_change_undo" as const], unusable_message: EMAIL_CHANGE_LINK_INVALID }))
  )
  const checked = checkEmailChangeStep(transform({ link }, ({ link }) => ({ customer_id: link.customer_id, email: link.new_email!, undo: true })))
  updateCustomersWorkflow.runAsStep({
    input: transform({ link }, ({ link }) => ({ selector: { id: link.customer_id }, update: { email: link.new_email! } })),
  })
  moveLoginEmailStep(transform({ link, checked }, ({ link, checked }) => ({ customer_id: link.customer_id, from: checked.previous_email, to: link.new_email! })))
  revokePortalAccessStep(transform({ link }, ({ link }) => ({ customer_ids: [link.customer_id] }))).config({ name: "end-all-access" })
  recordEmailProofStep(
    transform({ link }, ({ link }) => ({ email: link.new_email!, customer_id: link.customer_id, method: "email_change_undo" as const, link_id: link.id }))
  )
  return new WorkflowResponse(
    transform({ link, checked }, ({ link, checked }) => ({ customer_id: link.customer_id, email: link.new_email!, previous_email: checked.previous_email }))
  )
})

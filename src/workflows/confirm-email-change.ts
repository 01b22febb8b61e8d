import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { EMAIL_CHANGE_LINK_INVALID } from "../lib/email-change"
import { checkEmailChangeStep } from "./steps/check-email-change"
import { consumePortalLinkStep } from "./steps/consume-portal-link"
import { moveLoginEmailStep } from "./steps/move-login-email"
import { recordEmailProofStep } from "./steps/record-email-proof"
import { revokePortalAccessStep } from "./steps/revoke-portal-access"
import { sendEmailChangeStep } from "./steps/send-email-change"

export const confirmEmailChangeWorkflowId = "confirm-email-change"

/**
 * P4: the link sent to the new address is used, and the change is made. It
 * is refused when another customer record has the address meanwhile. The
 * customer record and the email they sign in to the store with move to it
 * (Medusa's customer workflow and the Auth Module); every other session and
 * every unused link of the customer ends, the session that asked stays; the
 * old address is told, with a link that undoes the change for seven days. If
 * a step fails, the ones before it are undone and the link can be used again.
 * It takes the SHA-256 of the link's token, never the token itself.
 */
export const confirmEmailChangeWorkflow = createWorkflow(confirmEmailChangeWorkflowId, (input: { token_hash: string; locale: string }) => {
  const link = consumePortalLinkStep(
    transform({ input }, ({ input }) => ({ token_hash: input.token_hash, purposes: ["email_change" as const], unusable_message: EMAIL_CHANGE_LINK_INVALID }))
  )
  const checked = checkEmailChangeStep(transform({ link }, ({ link }) => ({ customer_id: link.customer_id, email: link.new_email! })))
  updateCustomersWorkflow.runAsStep({
    input: transform({ link }, ({ link }) => ({ selector: { id: link.customer_id }, update: { email: link.new_email! } })),
  })
  moveLoginEmailStep(transform({ link, checked }, ({ link, checked }) => ({ customer_id: link.customer_id, from: checked.previous_email, to: link.new_email! })))
  revokePortalAccessStep(
    transform({ link }, ({ link }) => ({ customer_ids: [link.customer_id], except_session_id: link.requested_by_session_id }))
  ).config({ name: "end-other-access" })
  recordEmailProofStep(transform({ link }, ({ link }) => ({ email: link.new_email!, customer_id: link.customer_id, method: "email_change" as const, link_id: link.id })))
  sendEmailChangeStep(
    transform({ input, link, checked }, ({ input, link, checked }) => ({
      portal: { id: link.portal_id, mode: link.mode },
      customer_id: link.customer_id,
      stage: "undo" as const,
      email: checked.previous_email,
      changed_to: link.new_email!,
      locale: input.locale,
    }))
  ).config({ name: "tell-old-address" })
  return new WorkflowResponse(
    transform({ link, checked }, ({ link, checked }) => ({ customer_id: link.customer_id, email: link.new_email!, previous_email: checked.previous_email }))
  )
})

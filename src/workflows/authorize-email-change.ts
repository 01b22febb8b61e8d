import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { EMAIL_CHANGE_LINK_INVALID } from "../lib/email-change"
import { consumePortalLinkStep } from "./steps/consume-portal-link"
import { sendEmailChangeStep } from "./steps/send-email-change"

export const authorizeEmailChangeWorkflowId = "authorize-email-change"

/**
 * P4: the current address confirms an email change its customer asked for
 * (the link sent there is used): the new address now gets its link.
 * It takes the SHA-256 of the link's token, never the token itself.
 */
export const authorizeEmailChangeWorkflow = createWorkflow(authorizeEmailChangeWorkflowId, (input: { token_hash: string; locale: string }) => {
  const link = consumePortalLinkStep(
    transform({ input }, ({ input }) => ({ token_hash: input.token_hash, purposes: ["email_change_authorize" as const], unusable_message: EMAIL_CHANGE_LINK_INVALID }))
  )
  const change = sendEmailChangeStep(
    transform({ input, link }, ({ input, link }) => ({
      portal: { id: link.portal_id, mode: link.mode },
      customer_id: link.customer_id,
      stage: "verify" as const,
      email: link.new_email!,
      requested_by_session_id: link.requested_by_session_id,
      locale: input.locale,
    }))
  )
  return new WorkflowResponse(transform({ link, change }, ({ link, change }) => ({ customer_id: link.customer_id, email: change.email, expires_at: change.expires_at })))
})

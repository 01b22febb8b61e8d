import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { PortalEvents } from "./events"
import { redeemPortalLinkStep, type RedeemPortalLinkStepInput } from "./steps/redeem-portal-link"

export const redeemPortalLinkWorkflowId = "redeem-portal-link"

/**
 * Exchanges a one-time link for a portal session. Of any number of concurrent
 * redeems of one link exactly one succeeds; unknown, used, revoked and expired
 * links all fail with the same NOT_FOUND message. An emailed link proves its
 * address for the session; a `confirm_email` link used in the browser of the
 * session that asked for it confirms that session's record's address. It
 * takes hashes only: the caller makes the session's token, keeps it, and
 * answers it once this has succeeded, so no raw token is in a checkpoint.
 */
export const redeemPortalLinkWorkflow = createWorkflow(redeemPortalLinkWorkflowId, (input: RedeemPortalLinkStepInput) => {
  const session = redeemPortalLinkStep(input)
  const event = transform({ session }, ({ session }) => ({
    customer_id: session.customer_id,
    session_id: session.session_id,
    email_proven: !!session.proven_email,
    email_confirmed_for_record: session.confirmed_session,
  }))
  emitEventStep({ eventName: PortalEvents.SESSION_CREATED, data: event })
  return new WorkflowResponse(
    transform({ session }, ({ session }) => ({
      expires_at: session.expires_at,
      customer_id: session.customer_id,
      mode: session.mode,
      email_proven: !!session.proven_email,
      email_confirmed_for_record: session.confirmed_session,
    }))
  )
})

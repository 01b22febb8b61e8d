import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { issuePortalLinkWorkflow } from "./issue-portal-link"
import { cancelEmailChangesStep } from "./steps/cancel-email-changes"
import { checkPortalPermissionStep } from "./steps/check-portal-permission"
import { sendEmailChangeStep } from "./steps/send-email-change"

export type RequestEmailChangeWorkflowInput = {
  portal: { id: string; mode: "test" | "live" }
  customer_id: string
  /** The session asking: it stays signed in when the change is made; every other one ends. */
  session_id: string
  email: string
  locale: string
  /** Whether the session signed in by a link emailed to the current address in the last ten minutes. */
  fresh: boolean
}

export const requestEmailChangeWorkflowId = "request-email-change"

/**
 * P4: the signed-in customer asks to use a new address (when the portal's
 * settings let customers edit their profile); older pending
 * changes end. Without a fresh proof of the current address, the current
 * address is asked first (a link it must open); with one, the new address
 * gets its link at once and the current one is told. The answer and the
 * pending change look the same whether or not the new address is in use.
 */
export const requestEmailChangeWorkflow = createWorkflow(requestEmailChangeWorkflowId, (input: RequestEmailChangeWorkflowInput) => {
  checkPortalPermissionStep(
    transform({ input }, ({ input }) => ({
      permission: "profile_edit" as const,
      by: "customer" as const,
      portal_id: input.portal.id,
      customer_id: input.customer_id,
      mode: input.portal.mode,
    }))
  )
  cancelEmailChangesStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id })))
  const change = sendEmailChangeStep(
    transform({ input }, ({ input }) => ({
      portal: input.portal,
      customer_id: input.customer_id,
      stage: input.fresh ? ("verify" as const) : ("authorize" as const),
      email: input.email,
      requested_by_session_id: input.session_id,
      locale: input.locale,
    }))
  )
  when({ input }, ({ input }) => input.fresh).then(() => {
    issuePortalLinkWorkflow
      .runAsStep({
        input: transform({ input }, ({ input }) => ({
          customer_id: input.customer_id,
          issued_by_type: "system" as const,
          send_email: true,
          locale: input.locale,
          mode: input.portal.mode,
          email_template: "email-change-requested" as const,
          email_details: { email: input.email },
        })),
      })
      .config({ name: "tell-current-address" })
  })
  return new WorkflowResponse(change)
})

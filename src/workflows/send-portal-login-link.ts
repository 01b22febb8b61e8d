import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { issuePortalLinkWorkflow } from "./issue-portal-link"
import { findPortalCustomerStep } from "./steps/find-portal-customer"

export type SendPortalLoginLinkWorkflowInput = { business_id: string; email: string; locale?: string; mode?: "test" | "live" }

export const sendPortalLoginLinkWorkflowId = "send-portal-login-link"

/**
 * Answers a request made on the static login page (A1), after the request
 * itself has been answered: when the email belongs to a customer of this
 * business, emails them a 15-minute one-time link; otherwise does nothing.
 */
export const sendPortalLoginLinkWorkflow = createWorkflow(
  sendPortalLoginLinkWorkflowId,
  (input: SendPortalLoginLinkWorkflowInput) => {
    const found = findPortalCustomerStep({ business_id: input.business_id, email: input.email, mode: input.mode })
    const sent = when({ found }, ({ found }) => !!found.customer_id).then(() => {
      const issue = transform({ input, found }, ({ input, found }) => ({
        customer_id: found.customer_id!,
        purpose: "sign_in" as const,
        issued_by_type: "customer_request" as const,
        send_email: true,
        locale: input.locale,
        mode: found.mode ?? undefined,
      }))
      return issuePortalLinkWorkflow.runAsStep({ input: issue })
    })
    return new WorkflowResponse(transform({ sent, found }, ({ sent, found }) => ({ sent: !!sent, customer_id: found.customer_id, mode: found.mode })))
  }
)

import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { PortalEvents } from "./events"
import { endPortalSessionStep } from "./steps/end-portal-session"

export const endPortalSessionWorkflowId = "end-portal-session"

/** Signs a customer out: the session is revoked on the server, not only forgotten by the browser. */
export const endPortalSessionWorkflow = createWorkflow(
  endPortalSessionWorkflowId,
  (input: { session_id: string; customer_id: string }) => {
    endPortalSessionStep({ session_id: input.session_id })
    const event = transform({ input }, ({ input }) => ({ customer_id: input.customer_id, session_id: input.session_id }))
    emitEventStep({ eventName: PortalEvents.SESSION_ENDED, data: event })
    return new WorkflowResponse({ session_id: input.session_id })
  }
)

import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { PortalEvents } from "./events"

export type RequestPortalLoginWorkflowInput = { business_id: string; email: string; locale: string; mode?: "test" | "live" }

export const requestPortalLoginWorkflowId = "request-portal-login"

/**
 * Queues a sign-in request, as the static login page's route does (which
 * emits the event itself, without a workflow run, as it is on a hot path).
 * The lookup and the email happen in a subscriber, so the request is answered
 * in the same time, with the same body, whether or not the email belongs to a
 * customer (A6).
 */
export const requestPortalLoginWorkflow = createWorkflow(requestPortalLoginWorkflowId, (input: RequestPortalLoginWorkflowInput) => {
  emitEventStep({ eventName: PortalEvents.LOGIN_REQUESTED, data: input })
  return new WorkflowResponse({ queued: true })
})

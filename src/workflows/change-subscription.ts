import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { PortalEvents } from "./events"
import { issuePortalLinkWorkflow } from "./issue-portal-link"
import { cancelSubscriptionStep, undoCancellationStep, type CancelSubscriptionStepInput } from "./steps/change-subscription"

export type CancelSubscriptionWorkflowInput = CancelSubscriptionStepInput & { by: "customer" | "admin"; locale?: string }

/** P2: cancels now or at period end (the step holds the subscription's lock); an event and an email to the customer. */
export const cancelSubscriptionWorkflow = createWorkflow("cancel-subscription", (input: CancelSubscriptionWorkflowInput) => {
  const result = cancelSubscriptionStep(input)
  const data = transform({ result, input }, ({ result, input }) => ({
    id: result.subscription.id,
    customer_id: result.subscription.customer_id,
    by: input.by,
    reason: input.reason ?? null,
    ends_at: result.ended ? result.subscription.ended_at : result.subscription.current_period_end,
  }))
  when({ result }, ({ result }) => result.ended).then(() => {
    emitEventStep({ eventName: PortalEvents.SUBSCRIPTION_CANCELLED, data }).config({ name: "emit-subscription-cancelled" })
  })
  when({ result }, ({ result }) => !result.ended).then(() => {
    emitEventStep({ eventName: PortalEvents.SUBSCRIPTION_CANCELLATION_SCHEDULED, data }).config({ name: "emit-cancellation-scheduled" })
  })
  issuePortalLinkWorkflow.runAsStep({
    input: transform({ result, input }, ({ result, input }) => ({
      customer_id: result.subscription.customer_id,
      issued_by_type: "system" as const,
      send_email: true,
      locale: input.locale,
      email_template: result.ended ? ("subscription-cancelled" as const) : ("subscription-cancellation-scheduled" as const),
    })),
  })
  return new WorkflowResponse(result)
})

/** P2: undoes a scheduled cancellation until the period ends. */
export const undoSubscriptionCancellationWorkflow = createWorkflow(
  "undo-subscription-cancellation",
  (input: { subscription_id: string; locale?: string }) => {
    const result = undoCancellationStep(input)
    emitEventStep({
      eventName: PortalEvents.SUBSCRIPTION_CANCELLATION_UNDONE,
      data: transform({ result }, ({ result }) => ({ id: result.subscription.id, customer_id: result.subscription.customer_id })),
    })
    issuePortalLinkWorkflow.runAsStep({
      input: transform({ result, input }, ({ result, input }) => ({
        customer_id: result.subscription.customer_id,
        issued_by_type: "system" as const,
        send_email: true,
        locale: input.locale,
        email_template: "subscription-resumed" as const,
      })),
    })
    return new WorkflowResponse(result)
  }
)

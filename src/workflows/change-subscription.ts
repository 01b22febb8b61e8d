import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { lockSubscriptionStep, unlockSubscriptionStep } from "./billing/steps/lock-subscription"
import { releaseInFlightChargesStep } from "./billing/steps/release-in-flight-charges"
import { PortalEvents } from "./events"
import { cancelSubscriptionStep, undoCancellationStep, validateCancellationStep, type CancelSubscriptionStepInput } from "./steps/change-subscription"
import { activityOf, recordPortalActivityStep, type PortalActor } from "./steps/record-portal-activity"

export type CancelSubscriptionWorkflowInput = CancelSubscriptionStepInput & {
  actor: PortalActor
  locale?: string
  /** Why the store ended it (the order that started it was cancelled or refunded). */
  because?: "order_canceled" | "order_refunded"
}

export const cancelSubscriptionWorkflowId = "cancel-subscription"

/**
 * P2: cancels now or at the period's end, holding the subscription's lock:
 * the portal's rules checked for its customer (not for the merchant), the
 * charges under way released before anything is voided (ending now), then
 * the change, its event — whose subscriber emails the customer, so a broken
 * email provider cannot turn a saved cancellation into an error — and the
 * trail's entry with its actor.
 */
export const cancelSubscriptionWorkflow = createWorkflow(cancelSubscriptionWorkflowId, (input: CancelSubscriptionWorkflowInput) => {
  const hold = lockSubscriptionStep(transform({ input }, ({ input }) => ({ subscription_id: input.subscription_id, wait_ms: 5_000 })))
  const before = validateCancellationStep(
    transform({ input }, ({ input }) => ({ subscription_id: input.subscription_id, when: input.when, by: input.actor.type === "customer" ? ("customer" as const) : ("admin" as const) }))
  )
  when({ input }, ({ input }) => input.when === "now").then(() => {
    releaseInFlightChargesStep(transform({ hold }, ({ hold }) => ({ hold: hold! })))
  })
  const result = cancelSubscriptionStep(transform({ input, hold }, ({ input, hold }) => ({ ...input, hold: hold! })))
  unlockSubscriptionStep(hold)

  const data = transform({ result, input }, ({ result, input }) => ({
    id: result.subscription.id,
    customer_id: result.subscription.customer_id,
    by: input.actor.type,
    reason: input.reason ?? null,
    ends_at: result.ended ? result.subscription.ended_at : result.subscription.current_period_end,
    locale: input.locale ?? null,
    because: input.because ?? null,
  }))
  when({ result }, ({ result }) => result.ended).then(() => {
    emitEventStep({ eventName: PortalEvents.SUBSCRIPTION_CANCELLED, data }).config({ name: "emit-subscription-cancelled" })
  })
  when({ result }, ({ result }) => !result.ended).then(() => {
    emitEventStep({ eventName: PortalEvents.SUBSCRIPTION_CANCELLATION_SCHEDULED, data }).config({ name: "emit-cancellation-scheduled" })
  })
  recordPortalActivityStep(
    transform({ input, before }, ({ input, before }) => ({
      entry: activityOf(input.actor, {
        customer_id: before.customer_id,
        portal_id: before.portal_id,
        mode: before.mode,
        action: "subscription_cancelled",
        details: { plan: before.plan_title, when: input.when, reason: input.reason ?? null, ...(input.because ? { because: input.because } : {}) },
      }),
    }))
  ).config({ continueOnPermanentFailure: true })
  return new WorkflowResponse(result)
})

export const undoSubscriptionCancellationWorkflowId = "undo-subscription-cancellation"

/** P2: undoes a scheduled cancellation until the period ends (under the subscription's lock); the event's subscriber emails the customer. */
export const undoSubscriptionCancellationWorkflow = createWorkflow(
  undoSubscriptionCancellationWorkflowId,
  (input: { subscription_id: string; actor: PortalActor; locale?: string }) => {
    const hold = lockSubscriptionStep(transform({ input }, ({ input }) => ({ subscription_id: input.subscription_id, wait_ms: 5_000 })))
    const result = undoCancellationStep(transform({ input }, ({ input }) => ({ subscription_id: input.subscription_id })))
    unlockSubscriptionStep(hold)
    emitEventStep({
      eventName: PortalEvents.SUBSCRIPTION_CANCELLATION_UNDONE,
      data: transform({ result, input }, ({ result, input }) => ({ id: result.subscription.id, customer_id: result.subscription.customer_id, locale: input.locale ?? null })),
    })
    recordPortalActivityStep(
      transform({ input, result }, ({ input, result }) => ({
        entry: activityOf(input.actor, {
          customer_id: result.subscription.customer_id,
          portal_id: result.subscription.portal_id,
          mode: result.subscription.mode,
          action: "cancellation_undone",
          details: { plan: result.subscription.plan_title },
        }),
      }))
    ).config({ continueOnPermanentFailure: true })
    return new WorkflowResponse(result)
  }
)

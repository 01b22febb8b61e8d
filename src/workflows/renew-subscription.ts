import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { PortalEvents } from "./events"
import { issuePortalLinkWorkflow } from "./issue-portal-link"
import { renewSubscriptionStep, retryOnHoldChargeStep, type RenewSubscriptionOutcome } from "./steps/renew-subscription"

export const renewSubscriptionWorkflowId = "renew-subscription"

/** The data of `subscription.renewed`, from a renewal's outcome. */
const renewedEventData = (result: RenewSubscriptionOutcome) => ({
  id: result.subscription_id,
  customer_id: result.customer_id,
  invoice_id: (result as { invoice_id?: string }).invoice_id,
  order_id: (result as { order_id?: string }).order_id,
})

/**
 * S2: one renewal (the step holds the subscription's lock: a second renewal
 * of the same subscription at the same time, from another job run or another
 * worker, does not wait but leaves the work to the first). On a failed charge
 * the customer is emailed a fresh portal link to update their payment method.
 */
export const renewSubscriptionWorkflow = createWorkflow(renewSubscriptionWorkflowId, (input: { subscription_id: string }) => {
  const result = renewSubscriptionStep(input)

  when({ result }, ({ result }) => result.outcome === "renewed").then(() => {
    emitEventStep({
      eventName: PortalEvents.SUBSCRIPTION_RENEWED,
      data: transform({ result }, ({ result }) => renewedEventData(result)),
    }).config({ name: "emit-subscription-renewed" })
  })

  when({ result }, ({ result }) => result.outcome === "ended").then(() => {
    emitEventStep({
      eventName: PortalEvents.SUBSCRIPTION_CANCELLED,
      data: transform({ result }, ({ result }) => ({ id: result.subscription_id, customer_id: result.customer_id, by: "schedule" })),
    }).config({ name: "emit-subscription-ended" })
  })

  when({ result }, ({ result }) => result.outcome === "failed").then(() => {
    emitEventStep({
      eventName: PortalEvents.SUBSCRIPTION_PAYMENT_FAILED,
      data: transform({ result }, ({ result }) => ({
        id: result.subscription_id,
        customer_id: result.customer_id,
        invoice_id: (result as { invoice_id?: string }).invoice_id,
        reason: (result as { reason?: string }).reason,
      })),
    }).config({ name: "emit-subscription-payment-failed" })
    issuePortalLinkWorkflow.runAsStep({
      input: transform({ result }, ({ result }) => ({
        customer_id: result.customer_id!,
        issued_by_type: "system" as const,
        send_email: true,
        email_template: "subscription-payment-failed" as const,
      })),
    })
  })

  return new WorkflowResponse(result)
})

/** The merchant retries the failed charge of an on-hold subscription (admin); the step holds its lock. */
export const retryOnHoldChargeWorkflow = createWorkflow("retry-on-hold-charge", (input: { subscription_id: string }) => {
  const result = retryOnHoldChargeStep(input)
  when({ result }, ({ result }) => result.outcome === "renewed").then(() => {
    emitEventStep({
      eventName: PortalEvents.SUBSCRIPTION_RENEWED,
      data: transform({ result }, ({ result }) => ({ ...renewedEventData(result), reactivated: true })),
    })
  })
  return new WorkflowResponse(result)
})

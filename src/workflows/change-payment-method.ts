import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { PortalEvents } from "./events"
import { issuePortalLinkWorkflow } from "./issue-portal-link"
import { changePaymentMethodStep, type ChangePaymentMethodInput, type ChangePaymentMethodOutcome } from "./steps/change-payment-method"

export type ChangeSubscriptionPaymentMethodInput = ChangePaymentMethodInput & { by: "customer" | "admin" | "system"; locale?: string }

export const changeSubscriptionPaymentMethodWorkflowId = "change-subscription-payment-method"

/**
 * M3–M6: the customer confirms a new payment method for a subscription (the
 * step holds its lock). An active subscription switches the method its
 * renewals use; an on-hold one has its dues charged to the new method, and
 * on success is active again: `subscription.payment_method_updated` and
 * `subscription.reactivated`, and two emails — the payment received, with
 * its amount and invoice, and the subscription active again (M5). A decline
 * or a bank's confirmation request changes nothing and sends nothing: the
 * customer is on the page and is told there.
 */
export const changeSubscriptionPaymentMethodWorkflow = createWorkflow(
  changeSubscriptionPaymentMethodWorkflowId,
  (input: ChangeSubscriptionPaymentMethodInput) => {
    const result = changePaymentMethodStep(input)

    when({ result }, ({ result }) => result.outcome === "updated" || result.outcome === "reactivated").then(() => {
      emitEventStep({
        eventName: PortalEvents.SUBSCRIPTION_PAYMENT_METHOD_UPDATED,
        data: transform({ result, input }, ({ result, input }) => ({
          id: result.subscription.id,
          customer_id: result.subscription.customer_id,
          by: input.by,
        })),
      }).config({ name: "emit-payment-method-updated" })
    })

    when({ result }, ({ result }) => result.outcome === "reactivated").then(() => {
      emitEventStep({
        eventName: PortalEvents.SUBSCRIPTION_REACTIVATED,
        data: transform({ result, input }, ({ result, input }) => {
          const r = result as Extract<ChangePaymentMethodOutcome, { outcome: "reactivated" }>
          return { id: r.subscription.id, customer_id: r.subscription.customer_id, invoice_id: r.invoice_id, order_id: r.order_id, by: input.by }
        }),
      }).config({ name: "emit-subscription-reactivated" })
      const email = (template: "subscription-payment-succeeded" | "subscription-reactivated") =>
        transform({ result, input }, ({ result, input }) => {
          const r = result as Extract<ChangePaymentMethodOutcome, { outcome: "reactivated" }>
          return {
            customer_id: r.subscription.customer_id,
            issued_by_type: "system" as const,
            send_email: true,
            locale: input.locale,
            email_template: template,
            email_details: {
              plan_title: r.subscription.plan_title,
              amount: r.invoice.total,
              currency_code: r.invoice.currency_code,
              invoice_number: r.invoice.number,
              next_renewal_at: r.subscription.next_renewal_at ? new Date(r.subscription.next_renewal_at).toISOString() : null,
            },
          }
        })
      issuePortalLinkWorkflow.runAsStep({ input: email("subscription-payment-succeeded") }).config({ name: "email-payment-succeeded", continueOnPermanentFailure: true })
      issuePortalLinkWorkflow.runAsStep({ input: email("subscription-reactivated") }).config({ name: "email-subscription-reactivated", continueOnPermanentFailure: true })
    })

    return new WorkflowResponse(result)
  }
)

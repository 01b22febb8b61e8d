import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { chargeOwedInvoice } from "./billing/charge-owed-invoice"
import { lockSubscriptionStep, unlockSubscriptionStep } from "./billing/steps/lock-subscription"
import { endSubscriptionAtPeriodEndStep, planRenewalStep } from "./billing/steps/plan-renewal"
import { PortalEvents } from "./events"
import { recordPortalActivityStep } from "./steps/record-portal-activity"

export type RenewSubscriptionOutcome =
  | { outcome: "skipped"; subscription_id: string; customer_id: string | null }
  | { outcome: "ended"; subscription_id: string; customer_id: string }
  | { outcome: "renewed"; subscription_id: string; customer_id: string; invoice_id: string; order_id: string }
  | { outcome: "failed"; subscription_id: string; customer_id: string; invoice_id: string; reason: string; code: string | null }

export const renewSubscriptionWorkflowId = "renew-subscription"

/**
 * S2: one renewal, run by the renewal job. It holds the subscription's lock
 * (a second renewal of the same subscription at the same time, from another
 * run or another worker, does not wait but leaves the work to the first);
 * then either ends a subscription cancelled for the period's end, or charges
 * the next period through the one charge path (`chargeOwedInvoice`): paid,
 * the period begins; declined, the subscription goes on hold and the
 * customer is emailed a link to update their payment method (by the
 * `subscription.payment_failed` subscriber, so a broken email provider
 * cannot undo the renewal). The hook `subscriptionRenewed` runs after a paid
 * renewal.
 */
export const renewSubscriptionWorkflow = createWorkflow(renewSubscriptionWorkflowId, (input: { subscription_id: string }) => {
  const hold = lockSubscriptionStep({ subscription_id: input.subscription_id, skip_if_locked: true })
  const plan = planRenewalStep({ subscription_id: input.subscription_id, hold })

  endSubscriptionAtPeriodEndStep({ hold, plan })
  const charged = chargeOwedInvoice(
    transform({ hold, plan }, ({ hold, plan }) => ({
      hold,
      invoice_id: plan.action === "charge" ? plan.invoice_id : null,
      period: plan.action === "charge" ? plan.period : null,
      hold_on_decline: true,
    }))
  )
  unlockSubscriptionStep(hold)

  const result = transform({ input, plan, charged }, ({ input, plan, charged }): RenewSubscriptionOutcome => {
    const id = input.subscription_id
    if (plan.action === "end") return { outcome: "ended", subscription_id: id, customer_id: plan.customer_id }
    if (plan.action === "skip") return { outcome: "skipped", subscription_id: id, customer_id: plan.customer_id }
    if (charged.outcome === "paid") return { outcome: "renewed", subscription_id: id, customer_id: plan.customer_id, invoice_id: plan.invoice_id, order_id: charged.order_id }
    if (charged.outcome === "declined") {
      return { outcome: "failed", subscription_id: id, customer_id: plan.customer_id, invoice_id: plan.invoice_id, reason: charged.reason, code: charged.code }
    }
    return { outcome: "skipped", subscription_id: id, customer_id: plan.customer_id }
  })

  when({ result }, ({ result }) => result.outcome === "renewed").then(() => {
    emitEventStep({
      eventName: PortalEvents.SUBSCRIPTION_RENEWED,
      data: transform({ result }, ({ result }) => {
        const r = result as Extract<RenewSubscriptionOutcome, { outcome: "renewed" }>
        return { id: r.subscription_id, customer_id: r.customer_id, invoice_id: r.invoice_id, order_id: r.order_id }
      }),
    }).config({ name: "emit-subscription-renewed" })
  })
  when({ result }, ({ result }) => result.outcome === "ended").then(() => {
    emitEventStep({
      eventName: PortalEvents.SUBSCRIPTION_CANCELLED,
      data: transform({ result }, ({ result }) => ({ id: result.subscription_id, customer_id: result.customer_id, by: "schedule", notify: false })),
    }).config({ name: "emit-subscription-ended" })
  })
  when({ result }, ({ result }) => result.outcome === "failed").then(() => {
    emitEventStep({
      eventName: PortalEvents.SUBSCRIPTION_PAYMENT_FAILED,
      data: transform({ result }, ({ result }) => {
        const r = result as Extract<RenewSubscriptionOutcome, { outcome: "failed" }>
        return { id: r.subscription_id, customer_id: r.customer_id, invoice_id: r.invoice_id, reason: r.reason, code: r.code }
      }),
    }).config({ name: "emit-subscription-payment-failed" })
  })

  // The store did it: the trail names the plan and the invoice, never internal ids (the customer reads it too).
  recordPortalActivityStep(
    transform({ result, plan }, ({ result, plan }) => {
      if (result.outcome === "skipped" || plan.action === "skip") return { entry: null }
      const action = result.outcome === "renewed" ? "subscription_renewed" : result.outcome === "failed" ? "subscription_payment_failed" : "subscription_ended"
      const details: Record<string, unknown> = { plan: plan.plan_title }
      if (plan.action === "charge") details.invoice_number = plan.invoice_number
      if (result.outcome === "failed") details.code = result.code
      if (result.outcome === "ended") details.when = "period_end"
      return { entry: { customer_id: plan.customer_id, mode: plan.mode, action, actor_type: "system", actor_id: null, details } as const }
    })
  ).config({ continueOnPermanentFailure: true })

  // After every renewal run, with its outcome: a merchant's own step (a CRM update, a usage reset) goes here.
  const subscriptionRenewed = createHook("subscriptionRenewed", transform({ result }, ({ result }) => result))
  return new WorkflowResponse(result, { hooks: [subscriptionRenewed] })
})

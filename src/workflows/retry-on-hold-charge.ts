import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { chargeOwedInvoice } from "./billing/charge-owed-invoice"
import { announceReactivation } from "./billing/reactivation"
import { findOwedInvoiceStep } from "./billing/steps/find-owed-invoice"
import { lockSubscriptionStep, unlockSubscriptionStep } from "./billing/steps/lock-subscription"
import { PortalEvents } from "./events"
import type { PortalActor } from "./steps/record-portal-activity"

export type RetryOnHoldChargeInput = {
  subscription_id: string
  actor: PortalActor
  /** The sweep of interrupted charges: finish the charge attached to the invoice, never start one. */
  resume_only?: boolean
}

export type RetryOnHoldChargeOutcome =
  | { outcome: "skipped"; subscription_id: string; customer_id: string }
  | { outcome: "renewed"; subscription_id: string; customer_id: string; invoice_id: string; order_id: string }
  | { outcome: "failed"; subscription_id: string; customer_id: string; invoice_id: string; reason: string; code: string | null }

export const retryOnHoldChargeWorkflowId = "retry-on-hold-charge"

/**
 * The merchant retries an on-hold subscription's failed charge with its
 * current payment method (admin), or the sweep finishes one a stopped
 * server left behind (`resume_only`): the invoice it owes is charged through
 * the one charge path (never a new invoice beside it); paid, it is active
 * again with a new period from now; declined, it stays on hold.
 */
export const retryOnHoldChargeWorkflow = createWorkflow(retryOnHoldChargeWorkflowId, (input: RetryOnHoldChargeInput) => {
  const hold = lockSubscriptionStep(transform({ input }, ({ input }) => ({ subscription_id: input.subscription_id, wait_ms: 5_000 })))
  const owed = findOwedInvoiceStep(transform({ hold }, ({ hold }) => ({ hold: hold! })))
  const charged = chargeOwedInvoice(
    transform({ hold, owed, input }, ({ hold, owed, input }) => ({ hold, invoice_id: owed.invoice_id, hold_on_decline: false, resume_only: input.resume_only }))
  )
  unlockSubscriptionStep(hold)
  announceReactivation({ charged, actor: input.actor })

  const result = transform({ owed, charged }, ({ owed, charged }): RetryOnHoldChargeOutcome => {
    const base = { subscription_id: owed.subscription.id, customer_id: owed.subscription.customer_id }
    if (charged.outcome === "paid") return { outcome: "renewed", ...base, invoice_id: charged.invoice.id, order_id: charged.order_id }
    if (charged.outcome === "declined") return { outcome: "failed", ...base, invoice_id: owed.invoice_id!, reason: charged.reason, code: charged.code }
    return { outcome: "skipped", ...base }
  })
  when({ result }, ({ result }) => result.outcome === "renewed").then(() => {
    emitEventStep({
      eventName: PortalEvents.SUBSCRIPTION_RENEWED,
      data: transform({ result }, ({ result }) => {
        const r = result as Extract<RetryOnHoldChargeOutcome, { outcome: "renewed" }>
        return { id: r.subscription_id, customer_id: r.customer_id, invoice_id: r.invoice_id, order_id: r.order_id, reactivated: true }
      }),
    }).config({ name: "emit-subscription-renewed" })
  })
  return new WorkflowResponse(result)
})

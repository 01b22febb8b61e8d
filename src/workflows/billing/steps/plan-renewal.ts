import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clock } from "../../../lib/clock"
import { cardLabel } from "../../../lib/order-invoice"
import { addInterval, periodKey } from "../../../lib/subscription-periods"
import { CUSTOMER_PORTAL_MODULE } from "../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../modules/customer-portal/service"
import { issueSubscriptionInvoice } from "../subscription-invoice"
import type { SubscriptionHold } from "./lock-subscription"

export type RenewalPlan =
  | { action: "skip"; customer_id: string | null }
  | { action: "end"; customer_id: string; mode: "test" | "live"; plan_title: string }
  | { action: "charge"; customer_id: string; mode: "test" | "live"; plan_title: string; invoice_id: string; invoice_number: string; period: { start: string; end: string } }

export const planRenewalStepId = "plan-renewal"

/**
 * S2: what a renewal does, read under the subscription's lock (so a second
 * run for the same period finds nothing due): nothing when it is not active
 * and due (or another holder has it); end it when it was cancelled for the
 * end of its period; otherwise charge the next period, whose invoice is
 * issued here, once per period. The invoice is not undone if the renewal
 * fails: it is the bill the next run charges, and taking it back would leave
 * a gap in the invoice numbers.
 */
export const planRenewalStep = createStep(planRenewalStepId, async (input: { subscription_id: string; hold: SubscriptionHold | null }, { container }) => {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const now = clock.now()
  const [sub] = await service.listSubscriptions({ id: input.subscription_id }, { take: 1 })
  if (!input.hold || !sub || sub.status !== "active" || !sub.next_renewal_at || new Date(sub.next_renewal_at) > now) {
    return new StepResponse<RenewalPlan>({ action: "skip", customer_id: sub?.customer_id ?? null })
  }
  if (sub.cancel_at_period_end) return new StepResponse<RenewalPlan>({ action: "end", customer_id: sub.customer_id, mode: sub.mode, plan_title: sub.plan_title })
  const start = new Date(sub.current_period_end)
  const end = addInterval(start, sub.interval, sub.interval_count)
  const { invoice } = await issueSubscriptionInvoice(container, sub, {
    source_type: "renewal",
    source_id: periodKey(sub.id, start),
    issued_at: now,
    payment_method_label: cardLabel(sub.payment_method_brand, sub.payment_method_last4),
    metadata: { period_start: start.toISOString(), period_end: end.toISOString() },
  })
  // The period an invoice was issued for is the one it pays, even if a later run picks it up.
  const meta = (invoice.metadata ?? {}) as { period_start?: string; period_end?: string }
  const period = { start: meta.period_start ?? start.toISOString(), end: meta.period_end ?? end.toISOString() }
  return new StepResponse<RenewalPlan>({ action: "charge", customer_id: sub.customer_id, mode: sub.mode, plan_title: sub.plan_title, invoice_id: invoice.id, invoice_number: invoice.number, period })
})

export const endSubscriptionAtPeriodEndStepId = "end-subscription-at-period-end"

/**
 * A subscription cancelled for the end of its period ends when the period
 * does, and nothing is charged. An ended subscription is final, so this is
 * not undone; what follows it in a renewal (the event, the trail) cannot fail.
 */
export const endSubscriptionAtPeriodEndStep = createStep(
  endSubscriptionAtPeriodEndStepId,
  async (input: { hold: SubscriptionHold | null; plan: RenewalPlan }, { container }) => {
    if (!input.hold || input.plan.action !== "end") return new StepResponse(null)
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const sub = await service.retrieveSubscription(input.hold.subscription_id)
    const ended = await service.transitionSubscription(sub.id, "cancelled", { ended_at: sub.current_period_end, next_renewal_at: null }, { fence: input.hold.fence })
    return new StepResponse(ended)
  }
)

import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { clock } from "../../lib/clock"
import { withSubscriptionLock } from "../../lib/subscription-lock"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import type { SubscriptionDTO } from "../../modules/customer-portal/service"

export const CANCELLATION_REASONS = [
  "too_expensive",
  "missing_features",
  "switched_service",
  "unused",
  "customer_service",
  "too_complex",
  "low_quality",
  "other",
] as const
export type CancellationReason = (typeof CANCELLATION_REASONS)[number]

export type CancelSubscriptionStepInput = {
  subscription_id: string
  when: "now" | "period_end"
  reason?: CancellationReason | null
  comment?: string | null
}

export const cancelSubscriptionStepId = "cancel-subscription"

/**
 * P2: ends a subscription now, or schedules its end for the end of the
 * period it is paid for. Ending now voids the invoices it still has open (a
 * period the customer will not get is not owed). An on-hold subscription has
 * no paid period left to run out, so it can only end now.
 */
export const cancelSubscriptionStep = createStep(cancelSubscriptionStepId, async (input: CancelSubscriptionStepInput, { container }) =>
  new StepResponse(await withSubscriptionLock(container, input.subscription_id, () => cancel(container, input), { waitMs: 5_000 }))
)

async function cancel(container: MedusaContainer, input: CancelSubscriptionStepInput): Promise<{ subscription: SubscriptionDTO; ended: boolean }> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const now = clock.now()
  const sub = await service.retrieveSubscription(input.subscription_id)
  if (sub.status === "cancelled" || sub.status === "expired") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This subscription has already ended.")
  }
  const why = { cancellation_reason: input.reason ?? null, cancellation_comment: input.comment?.trim() || null }
  if (input.when === "period_end") {
    if (sub.status !== "active") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "An on-hold subscription has no paid period left: it can only be cancelled now.")
    }
    const updated = await service.updateSubscriptions({ id: sub.id, cancel_at_period_end: true, cancelled_at: now, ...why } as any)
    return { subscription: updated as SubscriptionDTO, ended: false }
  }
  const updated = await service.transitionSubscription(sub.id, "cancelled", {
    ...why,
    cancel_at_period_end: false,
    cancelled_at: now,
    ended_at: now,
    next_renewal_at: null,
    on_hold_since: sub.on_hold_since,
  } as any)
  const open = await service.listInvoices({ subscription_id: sub.id, status: "open" }, { select: ["id"] })
  if (open.length) {
    await service.updateInvoices(open.map((invoice) => ({ id: invoice.id, status: "void" as const, voided_at: now })))
  }
  return { subscription: updated, ended: true }
}

export const undoCancellationStepId = "undo-subscription-cancellation"

/** Undoes a scheduled cancellation while the period still runs. */
export const undoCancellationStep = createStep(undoCancellationStepId, async (input: { subscription_id: string }, { container }) =>
  new StepResponse(await withSubscriptionLock(container, input.subscription_id, () => undo(container, input.subscription_id), { waitMs: 5_000 }))
)

async function undo(container: MedusaContainer, subscriptionId: string): Promise<{ subscription: SubscriptionDTO }> {
  const input = { subscription_id: subscriptionId }
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const sub = await service.retrieveSubscription(input.subscription_id)
  if (sub.status !== "active" || !sub.cancel_at_period_end) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This subscription is not scheduled to end, so there is nothing to undo.")
  }
  const updated = await service.updateSubscriptions({
    id: sub.id,
    cancel_at_period_end: false,
    cancelled_at: null,
    cancellation_reason: null,
    cancellation_comment: null,
  } as any)
  return { subscription: updated as SubscriptionDTO }
}

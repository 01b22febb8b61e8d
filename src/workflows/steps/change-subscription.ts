import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clock } from "../../lib/clock"
import { cancellationRefusal, undoCancellationRefusal } from "../../lib/portal-policy"
import type { SubscriptionHold } from "../billing/steps/lock-subscription"
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

export const validateCancellationStepId = "validate-cancellation"

/**
 * P2, read under the subscription's lock: whether it may be cancelled `when`
 * — by the data for anyone, and by the portal settings for its customer (the
 * merchant is not bound by them). A refusal carries its `code`.
 */
export const validateCancellationStep = createStep(
  validateCancellationStepId,
  async (input: { subscription_id: string; when: "now" | "period_end"; by: "customer" | "admin" }, { container }) => {
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const sub = await service.retrieveSubscription(input.subscription_id)
    const portal = await service.retrieveCustomerPortal(sub.portal_id)
    const refusal = cancellationRefusal(portal, sub, input.when, input.by)
    if (refusal) throw refusal
    return new StepResponse(sub)
  }
)

export const cancelSubscriptionStepId = "cancel-subscription"

/**
 * P2: ends a subscription now, or schedules its end for the end of the
 * period it is paid for. Ending now voids the invoices it still has open (a
 * period the customer will not get is not owed; the charges under way were
 * released first). Runs under the subscription's lock and its fence. Ending
 * now is final; a scheduled end is undone by taking the schedule back.
 */
export const cancelSubscriptionStep = createStep(
  cancelSubscriptionStepId,
  async (input: CancelSubscriptionStepInput & { hold: SubscriptionHold }, { container }) => {
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const now = clock.now()
    const sub = await service.retrieveSubscription(input.subscription_id)
    const why = { cancellation_reason: input.reason ?? null, cancellation_comment: input.comment?.trim() || null }
    if (input.when === "period_end") {
      const updated = await service.updateSubscriptions({ id: sub.id, cancel_at_period_end: true, cancelled_at: now, ...why } as any)
      return new StepResponse({ subscription: updated as SubscriptionDTO, ended: false }, { id: sub.id, scheduled: true })
    }
    const updated = await service.transitionSubscription(
      sub.id,
      "cancelled",
      { ...why, cancel_at_period_end: false, cancelled_at: now, ended_at: now, next_renewal_at: null, on_hold_since: sub.on_hold_since } as any,
      { fence: input.hold.fence }
    )
    const open = await service.listInvoices({ subscription_id: sub.id, status: "open" }, { select: ["id"] })
    if (open.length) {
      await service.updateInvoices(open.map((invoice) => ({ id: invoice.id, status: "void" as const, voided_at: now })))
    }
    return new StepResponse({ subscription: updated, ended: true }, { id: sub.id, scheduled: false })
  },
  async (saved, { container }) => {
    if (!saved?.scheduled) return
    await container
      .resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
      .updateSubscriptions({ id: saved.id, cancel_at_period_end: false, cancelled_at: null, cancellation_reason: null, cancellation_comment: null } as any)
  }
)

export const undoCancellationStepId = "undo-subscription-cancellation"

/** Undoes a scheduled cancellation while the period still runs (under the subscription's lock). Undone by scheduling it again. */
export const undoCancellationStep = createStep(
  undoCancellationStepId,
  async (input: { subscription_id: string }, { container }) => {
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const sub = await service.retrieveSubscription(input.subscription_id)
    const refusal = undoCancellationRefusal(sub)
    if (refusal) throw refusal
    const updated = await service.updateSubscriptions({
      id: sub.id,
      cancel_at_period_end: false,
      cancelled_at: null,
      cancellation_reason: null,
      cancellation_comment: null,
    } as any)
    const before = { cancelled_at: sub.cancelled_at, cancellation_reason: sub.cancellation_reason, cancellation_comment: sub.cancellation_comment }
    return new StepResponse({ subscription: updated as SubscriptionDTO }, { id: sub.id, before })
  },
  async (saved, { container }) => {
    if (!saved) return
    await container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE).updateSubscriptions({ id: saved.id, cancel_at_period_end: true, ...saved.before } as any)
  }
)

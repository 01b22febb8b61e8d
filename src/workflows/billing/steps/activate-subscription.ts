import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clock } from "../../../lib/clock"
import { addInterval } from "../../../lib/subscription-periods"
import { CUSTOMER_PORTAL_MODULE } from "../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../modules/customer-portal/service"
import type { SubscriptionDTO } from "../../../modules/customer-portal/service"
import type { Charge } from "../charge-attempt"
import type { SubscriptionHold } from "./lock-subscription"

/** The subscription's fields that name its payment method, from a method the customer chose. */
export const paymentMethodFields = (method: Record<string, any>) => ({
  payment_provider_id: method.provider_id,
  payment_customer_id: method.customer_id,
  account_holder_id: method.account_holder_id,
  payment_method_id: method.id,
  payment_method_brand: method.brand ?? null,
  payment_method_last4: method.last4 ?? null,
  payment_method_exp_month: method.exp_month ?? null,
  payment_method_exp_year: method.exp_year ?? null,
})

const PERIOD_FIELDS = ["status", "on_hold_since", "current_period_start", "current_period_end", "next_renewal_at"] as const
const METHOD_FIELDS = Object.keys(paymentMethodFields({})) as (keyof ReturnType<typeof paymentMethodFields>)[]

export const activateSubscriptionStepId = "activate-subscription"

/**
 * What a paid charge gives, while the holder's token is current: a renewal
 * starts the period it paid for (`period`); a paid on-hold subscription is
 * active again with a new period from now, and takes the method the charge
 * was made with when that was a new one. Undone by restoring what it had.
 */
export const activateSubscriptionStep = createStep(
  activateSubscriptionStepId,
  async (
    input: { hold: SubscriptionHold | null; charge: Charge; period?: { start: string; end: string } | null },
    { container }
  ) => {
    type Undo = { hold: SubscriptionHold; before: Record<string, unknown> }
    const { hold, charge } = input
    // Only a charge that went through gives anything.
    if (!hold || !charge.ok) return new StepResponse<SubscriptionDTO | null, Undo>(null, undefined as unknown as Undo)
    const method = charge.adopt_method
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const id = hold.subscription_id
    const before = await service.retrieveSubscription(id)
    let after: SubscriptionDTO
    if (input.period) {
      const end = new Date(input.period.end)
      after = await service.advanceSubscriptionPeriod({ id, fence: hold.fence, current_period_start: new Date(input.period.start), current_period_end: end, next_renewal_at: end })
    } else {
      const now = clock.now()
      const end = addInterval(now, before.interval, before.interval_count)
      after = await service.transitionSubscription(
        id,
        "active",
        { ...(method ? paymentMethodFields(method) : {}), on_hold_since: null, current_period_start: now, current_period_end: end, next_renewal_at: end } as any,
        { fence: hold.fence }
      )
    }
    const undo = Object.fromEntries([...PERIOD_FIELDS, ...METHOD_FIELDS].map((field) => [field, (before as any)[field]]))
    return new StepResponse<SubscriptionDTO | null, Undo>(after, { hold, before: undo })
  },
  async (saved: { hold: SubscriptionHold; before: Record<string, unknown> } | undefined, { container }) => {
    if (!saved) return
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const { status, ...fields } = saved.before as Record<string, any>
    if (status === "active") {
      await service.updateSubscriptions({ id: saved.hold.subscription_id, ...fields } as any)
    } else {
      await service.transitionSubscription(saved.hold.subscription_id, status, fields)
    }
  }
)

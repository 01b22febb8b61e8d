import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { acquireSubscriptionLock, releaseSubscriptionLock, SubscriptionLocked } from "../../../lib/subscription-lock"
import { CUSTOMER_PORTAL_MODULE } from "../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../modules/customer-portal/service"

/** A holder of a subscription's lock, with its fencing token. */
export type SubscriptionHold = { subscription_id: string; owner_id: string; fence: number }

export const lockSubscriptionStepId = "lock-subscription"

/**
 * Takes the subscription's lock (waiting up to `wait_ms`, then refusing with
 * `SubscriptionLocked`, or with `skip_if_locked` answering null: another
 * holder is doing the work) and the next fencing token, which every charge
 * write of this holder checks. Undone by releasing the lock.
 */
export const lockSubscriptionStep = createStep(
  lockSubscriptionStepId,
  async (input: { subscription_id: string; wait_ms?: number; skip_if_locked?: boolean }, { container }) => {
    let owner: string
    try {
      owner = await acquireSubscriptionLock(container, input.subscription_id, { waitMs: input.wait_ms ?? 0 })
    } catch (error) {
      if (input.skip_if_locked && error instanceof SubscriptionLocked) return new StepResponse<SubscriptionHold | null>(null)
      throw error
    }
    try {
      const fence = await container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE).takeChargeFence(input.subscription_id)
      const hold: SubscriptionHold = { subscription_id: input.subscription_id, owner_id: owner, fence }
      return new StepResponse<SubscriptionHold | null, SubscriptionHold>(hold, hold)
    } catch (error) {
      await releaseSubscriptionLock(container, input.subscription_id, owner)
      throw error
    }
  },
  async (hold, { container }) => {
    if (hold) await releaseSubscriptionLock(container, hold.subscription_id, hold.owner_id)
  }
)

export const unlockSubscriptionStepId = "unlock-subscription"

/** Releases the lock `lockSubscriptionStep` took. */
export const unlockSubscriptionStep = createStep(unlockSubscriptionStepId, async (hold: SubscriptionHold | null, { container }) => {
  if (hold) await releaseSubscriptionLock(container, hold.subscription_id, hold.owner_id)
  return new StepResponse(undefined)
})

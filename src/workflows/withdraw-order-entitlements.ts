import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../modules/customer-portal"
import type CustomerPortalModuleService from "../modules/customer-portal/service"
import { cancelSubscriptionWorkflow } from "./change-subscription"
import { PortalEvents } from "./events"
import { activityOf, recordPortalActivityStep } from "./steps/record-portal-activity"
import { revokeOrderLicenseKeysStep } from "./steps/revoke-order-license-keys"

export type WithdrawOrderEntitlementsInput = { order_id: string; reason: "order_canceled" | "order_refunded" }

export const cancelOrderSubscriptionsStepId = "cancel-order-subscriptions"

/**
 * Ends now every subscription the order started that has not ended, each
 * through the cancellation workflow (its charges under way released, its
 * open invoices voided, the customer emailed, the trail written, by the
 * store). A cancellation is final, so this is not undone; it runs last.
 */
const cancelOrderSubscriptionsStep = createStep(cancelOrderSubscriptionsStepId, async (input: WithdrawOrderEntitlementsInput, { container }) => {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const live = await service.listSubscriptions({ order_id: input.order_id, status: ["active", "on_hold"] }, { select: ["id"] })
  const cancelled: string[] = []
  for (const { id } of live) {
    await cancelSubscriptionWorkflow(container).run({
      input: { subscription_id: id, when: "now", reason: null, comment: null, actor: { type: "system" }, because: input.reason },
    })
    cancelled.push(id)
  }
  if (cancelled.length) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`Customer portal: order ${input.order_id} was ${input.reason === "order_canceled" ? "cancelled" : "refunded"}; ${cancelled.length} subscription(s) it started ended.`)
  }
  return new StepResponse(cancelled)
})

export const tellMerchantStepId = "tell-merchant-of-withdrawn-entitlements"

/**
 * Tells the merchant, in the admin's notifications (the `feed` channel), what
 * the order's cancellation or refund took back. A store without a feed
 * provider is told nothing more than the trail and the log: this never fails.
 */
const tellMerchantStep = createStep(
  tellMerchantStepId,
  async (input: { order_id: string; reason: WithdrawOrderEntitlementsInput["reason"]; keys: number; subscriptions: number }, { container }) => {
    if (!input.keys && !input.subscriptions) return new StepResponse({ told: false })
    const what = [
      input.subscriptions ? `${input.subscriptions} subscription${input.subscriptions === 1 ? "" : "s"} ended` : null,
      input.keys ? `${input.keys} license key${input.keys === 1 ? "" : "s"} revoked` : null,
    ]
      .filter(Boolean)
      .join(", ")
    try {
      await container.resolve(Modules.NOTIFICATION).createNotifications({
        to: "",
        channel: "feed",
        template: "admin-ui",
        data: {
          title: input.reason === "order_canceled" ? "An order was cancelled" : "An order was refunded in full",
          description: `What it granted was taken back: ${what}. A revoked key can be enabled again on its page.`,
        },
        resource_type: "order",
        resource_id: input.order_id,
      })
      return new StepResponse({ told: true })
    } catch {
      return new StepResponse({ told: false })
    }
  }
)

export const withdrawOrderEntitlementsWorkflowId = "withdraw-order-entitlements"

/**
 * M8: an order cancelled, or refunded in full, takes back what it granted:
 * the license keys it issued are revoked with the reason (the merchant can
 * enable each again in the admin), and the subscriptions it started end now,
 * so nothing renews or charges again; the merchant finds it in the admin's
 * notifications. Safe to run twice: the second finds nothing left to take back.
 */
export const withdrawOrderEntitlementsWorkflow = createWorkflow(withdrawOrderEntitlementsWorkflowId, (input: WithdrawOrderEntitlementsInput) => {
  const revoked = revokeOrderLicenseKeysStep(input)
  const byCustomer = transform({ revoked, input }, ({ revoked, input }) => {
    const first = revoked[0]
    return first
      ? {
          entry: activityOf(
            { type: "system" },
            { customer_id: first.customer_id, portal_id: first.portal_id, mode: first.mode, action: "license_keys_revoked", details: { count: revoked.length, products: [...new Set(revoked.map((k) => k.product_title))], because: input.reason } }
          ),
        }
      : { entry: null }
  })
  recordPortalActivityStep(byCustomer).config({ name: "record-keys-revoked", continueOnPermanentFailure: true })
  emitEventStep({
    eventName: PortalEvents.LICENSE_KEYS_REVOKED,
    data: transform({ revoked, input }, ({ revoked, input }) => ({ ids: revoked.map((k) => k.id), order_id: input.order_id, reason: input.reason })),
  }).config({ name: "emit-license-keys-revoked" })
  const cancelled = cancelOrderSubscriptionsStep(input)
  tellMerchantStep(transform({ input, revoked, cancelled }, ({ input, revoked, cancelled }) => ({ order_id: input.order_id, reason: input.reason, keys: revoked.length, subscriptions: cancelled.length })))
  return new WorkflowResponse({ revoked_license_keys: transform({ revoked }, ({ revoked }) => revoked.map((k) => k.id)), cancelled_subscriptions: cancelled })
})

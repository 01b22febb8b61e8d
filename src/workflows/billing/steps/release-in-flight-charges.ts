import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow, refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { CUSTOMER_PORTAL_MODULE } from "../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../modules/customer-portal/service"
import { placedOrder } from "../charge-attempt"
import type { SubscriptionHold } from "./lock-subscription"

export const releaseInFlightChargesStepId = "release-in-flight-charges"

/**
 * Before a subscription ends now, the charges still attached to its open
 * invoices are settled the only way that fits a period the customer will not
 * get: a captured payment is refunded and the order cancelled (which
 * releases an authorized one); only once the database shows the payment
 * paying nothing is the attempt taken off. If that fails,
 * the cancellation stops here with nothing changed and the customer is told
 * to try again: an invoice is never voided over money still held. A refund
 * cannot be taken back, so this is not undone (what follows it cannot undo
 * it either: the invoice stays open without the attempt, owing nothing more
 * than it did).
 */
export const releaseInFlightChargesStep = createStep(releaseInFlightChargesStepId, async (input: { hold: SubscriptionHold }, { container }) => {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const { hold } = input
  const open = await service.listInvoices({ subscription_id: hold.subscription_id, status: "open", charge_cart_id: { $ne: null } } as any, {
    select: ["id", "charge_cart_id"],
  })
  let released = 0
  for (const invoice of open) {
    const cartId = invoice.charge_cart_id!
    try {
      const placed = await placedOrder(container, cartId)
      if (placed && !placed.voided) {
        await service.withChargeFence(hold.subscription_id, hold.fence, async () => {
          // Refunded here, not by the order's cancellation: that one logs a failed refund and cancels the order anyway.
          if (placed.captured && placed.payment_id) {
            await refundPaymentWorkflow(container).run({ input: { payment_id: placed.payment_id, note: "The subscription was cancelled now: given back" } })
          }
          // Cancelling the order releases an authorization, and shows the merchant the charge did not stand.
          await cancelOrderWorkflow(container).run({ input: { order_id: placed.order_id, no_notification: true } })
        })
        // Only what the database shows counts: the payment must now pay nothing.
        if (!(await placedOrder(container, cartId))?.voided) throw new Error(`the payment of order ${placed.order_id} is still held`)
        released++
      }
      await service.detachChargeAttempt({ invoice_id: invoice.id, subscription_id: hold.subscription_id, fence: hold.fence, cart_id: cartId })
    } catch (error) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .error(`Customer portal: the charge under way for invoice ${invoice.id} could not be given back, so the subscription was not cancelled: ${(error as Error)?.message ?? error}`)
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        "A payment of this subscription is still being processed and could not be given back just now, so nothing was cancelled. Try again in a moment.",
        "charge_release_failed"
      )
    }
  }
  return new StepResponse({ released })
})

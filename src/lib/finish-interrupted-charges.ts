import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../modules/customer-portal"
import type CustomerPortalModuleService from "../modules/customer-portal/service"
import { changeSubscriptionPaymentMethodWorkflow } from "../workflows/change-payment-method"
import { retryOnHoldChargeWorkflow } from "../workflows/renew-subscription"
import type { NewPaymentMethod } from "../workflows/steps/change-payment-method"
import { placedOrder } from "../workflows/steps/renew-subscription"

export type InterruptedChargesSummary = { finished: number; failed: number }

/**
 * Finds the charges of on-hold subscriptions that were placed and never
 * recorded — the server stopped or lost its database between taking the
 * money and marking the invoice paid — and records them: the invoice paid,
 * the subscription active again with the method the customer chose, the
 * emails sent. Nothing is charged here: a charge whose cart never became an
 * order is left for the customer's next attempt. Each runs under the
 * subscription's lock, so a customer retrying at the same moment cannot
 * record it twice. Renewals need no sweep: an unrecorded renewal leaves its
 * subscription due, and the next renewal run completes the same charge.
 */
export async function finishInterruptedCharges(container: MedusaContainer, options: { limit?: number } = {}): Promise<InterruptedChargesSummary> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const summary: InterruptedChargesSummary = { finished: 0, failed: 0 }
  for (const pending of await service.listInterruptedCharges(options.limit ?? 100)) {
    try {
      // Only a cart that became an order took money; any other is a charge still under way.
      if (!(await placedOrder(container, pending.cart_id))) continue
      const method = pending.payment_method as NewPaymentMethod | null
      const outcome = method
        ? (
            await changeSubscriptionPaymentMethodWorkflow(container).run({
              input: { subscription_id: pending.subscription_id, payment_method: method, by: "system" },
            })
          ).result.outcome
        : (await retryOnHoldChargeWorkflow(container).run({ input: { subscription_id: pending.subscription_id } })).result.outcome
      // Anything else: the customer's own retry recorded it first.
      if (outcome === "reactivated" || outcome === "renewed") summary.finished++
    } catch (error) {
      summary.failed++
      logger.warn(`Customer portal: the interrupted charge of subscription ${pending.subscription_id} is not recorded yet: ${(error as Error)?.message ?? error}`)
    }
  }
  return summary
}

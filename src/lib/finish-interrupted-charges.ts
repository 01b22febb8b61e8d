import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../modules/customer-portal"
import type CustomerPortalModuleService from "../modules/customer-portal/service"
import { placedOrder } from "../workflows/billing/charge-attempt"
import { retryOnHoldChargeWorkflow } from "../workflows/retry-on-hold-charge"

export type InterruptedChargesSummary = { finished: number; failed: number }

/**
 * Finds the charges of on-hold subscriptions that were placed and never
 * recorded — the server stopped or lost its database between taking the
 * money and marking the invoice paid, or a refund of an unrecorded charge
 * failed — and records them through the one charge path, resuming only
 * (`resume_only`: nothing is charged here): the payment captured if it is
 * not yet, the invoice paid, the subscription active again with the method
 * the charge was made with, the customer emailed. A charge whose cart never
 * became an order is left for the customer's next attempt. Each holds the
 * subscription's lock, so a customer retrying at the same moment cannot
 * record it twice. Renewals need no sweep: an unrecorded renewal leaves its
 * subscription due, and the next renewal run finishes the same charge.
 */
export async function finishInterruptedCharges(container: MedusaContainer, options: { limit?: number } = {}): Promise<InterruptedChargesSummary> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const summary: InterruptedChargesSummary = { finished: 0, failed: 0 }
  for (const pending of await service.listInterruptedCharges(options.limit ?? 100)) {
    try {
      // Only a cart that became an order took money; any other is a charge still under way.
      if (!(await placedOrder(container, pending.cart_id))) continue
      const { result } = await retryOnHoldChargeWorkflow(container).run({
        input: { subscription_id: pending.subscription_id, actor: { type: "system" }, resume_only: true },
      })
      // Anything else: the customer's own retry recorded it first, or its payment was given back.
      if (result.outcome === "renewed") summary.finished++
    } catch (error) {
      summary.failed++
      logger.warn(`Customer portal: the interrupted charge of subscription ${pending.subscription_id} is not recorded yet: ${(error as Error)?.message ?? error}`)
    }
  }
  return summary
}

import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../modules/customer-portal"
import type CustomerPortalModuleService from "../modules/customer-portal/service"
import { renewSubscriptionWorkflow } from "../workflows/renew-subscription"
import { clock } from "./clock"

export type RenewalRunSummary = { renewed: number; failed: number; ended: number; skipped: number }

/**
 * One pass of the renewal job: due `active` subscriptions, oldest due first,
 * in batches (from the index on next_renewal_at), each renewed by its own
 * workflow. `on_hold` ones are never picked. A subscription whose lock is
 * held elsewhere is skipped: whoever holds it renews it.
 */
export async function renewDueSubscriptions(container: MedusaContainer, options: { batchSize?: number } = {}): Promise<RenewalRunSummary> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const batchSize = options.batchSize ?? service.getOptions().renewalBatchSize
  const summary: RenewalRunSummary = { renewed: 0, failed: 0, ended: 0, skipped: 0 }
  const seen = new Set<string>()
  const now = clock.now()
  for (;;) {
    const due = await service.listSubscriptions(
      { status: "active", next_renewal_at: { $lte: now }, ...(seen.size ? { id: { $nin: [...seen] } } : {}) },
      { take: batchSize, order: { next_renewal_at: "ASC" }, select: ["id"] }
    )
    if (!due.length) break
    for (const { id } of due) {
      seen.add(id)
      try {
        const { result } = await renewSubscriptionWorkflow(container).run({ input: { subscription_id: id } })
        summary[result.outcome]++
      } catch (error) {
        // Most often the lock: another run is renewing it right now.
        summary.skipped++
        logger.debug?.(`Customer portal: renewal of ${id} skipped: ${(error as Error)?.message ?? error}`)
      }
    }
    if (due.length < batchSize) break
  }
  return summary
}

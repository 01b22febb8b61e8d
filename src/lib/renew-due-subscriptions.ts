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
 * workflow, `concurrency` at a time. `on_hold` ones are never picked. A
 * subscription whose lock is held elsewhere is skipped: whoever holds it
 * renews it. With a `deadline`, no renewal starts after it (the rest wait
 * for the next run).
 */
export async function renewDueSubscriptions(
  container: MedusaContainer,
  options: { batchSize?: number; concurrency?: number; deadline?: Date } = {}
): Promise<RenewalRunSummary> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const batchSize = options.batchSize ?? service.getOptions().renewalBatchSize
  const concurrency = options.concurrency ?? service.getOptions().renewalConcurrency
  const pastDeadline = () => (options.deadline ? clock.now() >= options.deadline : false)
  const summary: RenewalRunSummary = { renewed: 0, failed: 0, ended: 0, skipped: 0 }
  // Keyset over (next_renewal_at, id): a subscription skipped in this run is not taken again, and the query stays the same size however many were done.
  let after: { at: Date; id: string } | null = null
  const now = clock.now()
  for (;;) {
    const due = await service.listSubscriptions(
      {
        status: "active",
        next_renewal_at: { $lte: now },
        ...(after ? { $or: [{ next_renewal_at: { $gt: after.at } }, { next_renewal_at: after.at, id: { $gt: after.id } }] } : {}),
      } as any,
      { take: batchSize, order: { next_renewal_at: "ASC", id: "ASC" }, select: ["id", "next_renewal_at"] }
    )
    if (!due.length) break
    const last = due[due.length - 1]
    after = { at: new Date(last.next_renewal_at!), id: last.id }
    const queue = due.map(({ id }) => id)
    const worker = async () => {
      for (let id = queue.shift(); id && !pastDeadline(); id = queue.shift()) {
        try {
          const { result } = await renewSubscriptionWorkflow(container).run({ input: { subscription_id: id } })
          summary[result.outcome]++
        } catch (error) {
          // Most often the lock: another run is renewing it right now.
          summary.skipped++
          logger.debug?.(`Customer portal: renewal of ${id} skipped: ${(error as Error)?.message ?? error}`)
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker))
    if (due.length < batchSize || pastDeadline()) break
  }
  return summary
}

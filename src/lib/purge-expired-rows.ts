import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"
import { CUSTOMER_PORTAL_MODULE } from "../modules/customer-portal"
import type CustomerPortalModuleService from "../modules/customer-portal/service"
import { PURGE_TARGETS, type PurgeTarget } from "../modules/customer-portal/services/purge"
import { clock } from "./clock"

/** The lock a purge run holds, so that of several servers one purges at a time. */
export const PURGE_LOCK_KEY = "customer-portal:purge-expired-rows"

/** Rows per statement: each batch is a short delete that holds few locks, so requests never queue behind it. */
export const PURGE_BATCH_SIZE = 1000
/** A run stops starting batches after this long; what is left waits for the next run (every 10 minutes by default). */
export const PURGE_TIME_BUDGET_MS = 60_000
/**
 * After each full batch the run rests this many times as long as the batch
 * took: it keeps one database connection busy a third of the time at most,
 * and rests longer when the database is busy (its statements take longer).
 */
export const PURGE_PAUSE_FACTOR = 2

/** How the purge's targets are counted in what a run reports: by table. */
const TABLE_OF: Record<PurgeTarget, PurgedTable> = {
  expired_links: "links",
  spent_links: "links",
  expired_sessions: "sessions",
  revoked_sessions: "sessions",
  drained_rate_limits: "rate_limits",
  old_idempotency_keys: "idempotency_keys",
  removed_test_cards: "test_cards",
  unsaved_test_cards: "test_cards",
  orphaned_test_cards: "test_cards",
}

export type PurgedTable = "links" | "sessions" | "rate_limits" | "idempotency_keys" | "test_cards"

export type PurgeRunSummary = {
  /** Another server held the purge's lock: this run did nothing. */
  skipped: boolean
  purged: Record<PurgedTable, number>
  /** Delete statements run, and how long the run took. */
  batches: number
  ms: number
  /** Every target was purged down to a short batch (false: the time budget ran out first). */
  complete: boolean
}

/**
 * One pass of the purge job: each kind of row nobody can use any more
 * (`services/purge.ts`), a batch at a time, until a batch says none are left
 * (it came back short) or the time budget is spent. Cut-offs are taken once, at the start, from
 * the portal's clock. The run holds a lock through the Locking Module, so of
 * several servers one purges at a time; its lease outlasts the time budget,
 * so a server that dies mid-run frees it soon after. Deleting rows nobody
 * can use needs no undo, so no workflow runs here.
 */
export async function purgeExpiredRows(
  container: MedusaContainer,
  options: { batchSize?: number; budgetMs?: number; pauseFactor?: number } = {}
): Promise<PurgeRunSummary> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const locking = container.resolve(Modules.LOCKING)
  const batchSize = options.batchSize ?? PURGE_BATCH_SIZE
  const budgetMs = options.budgetMs ?? PURGE_TIME_BUDGET_MS
  const pauseFactor = options.pauseFactor ?? PURGE_PAUSE_FACTOR
  const summary: PurgeRunSummary = {
    skipped: false,
    purged: { links: 0, sessions: 0, rate_limits: 0, idempotency_keys: 0, test_cards: 0 },
    batches: 0,
    ms: 0,
    complete: true,
  }
  const ownerId = `purge_${randomUUID()}`
  const lease = { ownerId, expire: Math.ceil(budgetMs / 1000) + 60 }
  try {
    await locking.acquire(PURGE_LOCK_KEY, lease)
  } catch {
    // A lease that ran out under a server that died is freed; a live one means another server is purging.
    const freed = await service.clearExpiredLock(PURGE_LOCK_KEY).catch(() => false)
    const taken = freed ? await locking.acquire(PURGE_LOCK_KEY, lease).then(() => true, () => false) : false
    if (!taken) return { ...summary, skipped: true }
  }
  const started = performance.now()
  const now = clock.now()
  try {
    purging: for (const target of PURGE_TARGETS) {
      let after: string | undefined
      for (;;) {
        if (performance.now() - started >= budgetMs) {
          summary.complete = false
          break purging
        }
        const batchStarted = performance.now()
        const batch = await service.purgeExpired(target, { now, limit: batchSize, after })
        summary.batches++
        summary.purged[TABLE_OF[target]] += batch.deleted
        if (!batch.more) break
        after = batch.after
        if (pauseFactor > 0) await sleep((performance.now() - batchStarted) * pauseFactor)
      }
    }
  } finally {
    await locking.release(PURGE_LOCK_KEY, { ownerId }).catch(() => undefined)
  }
  summary.ms = performance.now() - started
  return summary
}

import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { IDEMPOTENCY_KEY_TTL_MS } from "./idempotency"

/**
 * Housekeeping: rows nobody can use any more, deleted one bounded batch per
 * statement, in the order of an index (on their expiry, mostly), skipping
 * rows a request holds at that moment (it never waits for the purge, nor the
 * purge for it).
 * The service's `purgeExpired` runs these; `lib/purge-expired-rows.ts` loops
 * them. The audit trail (`portal_activity`) is never purged.
 */

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** Magic links stay an hour after they expire, are used or are revoked: a workflow that used one gives it back when a later step fails (`releaseLink`). */
export const LINK_RETENTION_MS = HOUR
/** Ended sessions stay an hour: nothing reads a session once it has ended, and the hour covers servers whose clocks differ. */
export const SESSION_RETENTION_MS = HOUR
/** A bucket whose `tat` has passed is full again and counts exactly as no row would; a minute more covers servers whose clocks differ. */
export const RATE_LIMIT_RETENTION_MS = MINUTE
/** Keys stay as long as a retry with them replays the first answer (`IDEMPOTENCY_KEY_TTL_MS`), and an hour for servers' clocks. */
export const IDEMPOTENCY_KEY_RETENTION_MS = IDEMPOTENCY_KEY_TTL_MS + HOUR
/** A removed test card, or one whose customer was deleted, stays an hour: the provider no longer finds a removed card, and a deleted customer can still be restored. */
export const REMOVED_CARD_RETENTION_MS = HOUR
/**
 * A test card never saved to anyone pays one checkout: a checkout left open for
 * a week asks for the card again. Expired cards that were saved stay, as the
 * customer's saved methods: the portal shows them so they can be replaced.
 */
export const UNSAVED_CARD_RETENTION_MS = 7 * 24 * HOUR

/** What the purge deletes, each by its own statement and index, in the order a run takes them. */
export const PURGE_TARGETS = [
  "expired_links",
  "spent_links",
  "expired_sessions",
  "revoked_sessions",
  "drained_rate_limits",
  "old_idempotency_keys",
  "removed_test_cards",
  "unsaved_test_cards",
  "orphaned_test_cards",
] as const

export type PurgeTarget = (typeof PURGE_TARGETS)[number]

/** A test card stays while a subscription that can still charge names it, whatever else holds. */
const NOT_IN_USE = `NOT EXISTS (SELECT 1 FROM subscription s WHERE s.payment_method_id = t.id AND s.status IN ('active', 'on_hold') AND s.deleted_at IS NULL)`

type Statement = { table: string; where: string; orderBy: string; cutoff: number }

const STATEMENTS: Record<Exclude<PurgeTarget, "orphaned_test_cards">, Statement> = {
  // IDX_portal_link_expires_at. Static links have no expiry and are never purged.
  expired_links: { table: "portal_link", where: "t.kind = 'magic' AND t.deleted_at IS NULL AND t.expires_at < ?", orderBy: "t.expires_at", cutoff: LINK_RETENTION_MS },
  // IDX_portal_link_spent: used or revoked, and unchanged since (using and revoking stamp updated_at).
  spent_links: {
    table: "portal_link",
    where: "t.kind = 'magic' AND t.deleted_at IS NULL AND (t.used_at IS NOT NULL OR t.revoked_at IS NOT NULL) AND t.updated_at < ? AND COALESCE(t.used_at, t.revoked_at) < ?",
    orderBy: "t.updated_at",
    cutoff: LINK_RETENTION_MS,
  },
  // IDX_portal_session_expires_at and IDX_portal_session_revoked.
  expired_sessions: { table: "portal_session", where: "t.deleted_at IS NULL AND t.expires_at < ?", orderBy: "t.expires_at", cutoff: SESSION_RETENTION_MS },
  revoked_sessions: { table: "portal_session", where: "t.deleted_at IS NULL AND t.revoked_at < ?", orderBy: "t.revoked_at", cutoff: SESSION_RETENTION_MS },
  // IDX_portal_rate_limit_tat.
  drained_rate_limits: { table: "portal_rate_limit", where: "t.deleted_at IS NULL AND t.tat < ?", orderBy: "t.tat", cutoff: RATE_LIMIT_RETENTION_MS },
  // IDX_portal_idempotency_key_started.
  old_idempotency_keys: { table: "portal_idempotency_key", where: "t.deleted_at IS NULL AND t.started_at < ?", orderBy: "t.started_at", cutoff: IDEMPOTENCY_KEY_RETENTION_MS },
  // IDX_test_card_removed: removed by the customer, or with their account holder.
  removed_test_cards: { table: "test_card", where: `t.deleted_at < ? AND ${NOT_IN_USE}`, orderBy: "t.deleted_at", cutoff: REMOVED_CARD_RETENTION_MS },
  // IDX_test_card_unsaved.
  unsaved_test_cards: { table: "test_card", where: `t.holder IS NULL AND t.deleted_at IS NULL AND t.created_at < ? AND ${NOT_IN_USE}`, orderBy: "t.created_at", cutoff: UNSAVED_CARD_RETENTION_MS },
}

/** One statement's work: rows deleted, and whether to call again (with `after`, where a walk goes on from). */
export type PurgeBatch = { deleted: number; more: boolean; after?: string }

/**
 * Deletes at most `limit` rows of `target` that were done with before its
 * retention, in one statement. `more` is false once none are left for now.
 */
export async function purgeExpired(manager: EntityManager, target: PurgeTarget, input: { now: Date; limit: number; after?: string }): Promise<PurgeBatch> {
  if (!PURGE_TARGETS.includes(target)) throw new MedusaError(MedusaError.Types.INVALID_DATA, `There is nothing called ${target} to purge.`)
  if (!Number.isInteger(input.limit) || input.limit < 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `A purge batch is a whole number of rows, at least 1; got ${input.limit}.`)
  }
  if (target === "orphaned_test_cards") return purgeOrphanedCards(manager, input)
  const statement = STATEMENTS[target]
  const cutoff = new Date(input.now.getTime() - statement.cutoff)
  const cutoffs = Array.from({ length: statement.where.split("?").length - 1 }, () => cutoff)
  const [row] = (await manager.execute(
    `WITH doomed AS (
       SELECT t.id FROM ${statement.table} t WHERE ${statement.where} ORDER BY ${statement.orderBy} LIMIT ? FOR UPDATE OF t SKIP LOCKED
     ), gone AS (
       DELETE FROM ${statement.table} WHERE id IN (SELECT id FROM doomed) RETURNING 1
     )
     SELECT count(*)::int AS n FROM gone`,
    [...cutoffs, input.limit]
  )) as { n: number }[]
  const deleted = Number(row?.n ?? 0)
  return { deleted, more: deleted === input.limit }
}

/**
 * The saved cards of customers deleted before the retention (or never
 * there): the provider's holder of a customer is `tcus_<customer id>`, and
 * the customer's record is the Customer Module's, which keeps no index on
 * deletion. So the saved cards are walked by holder (IDX_test_card_holder),
 * `limit` of them per statement from `after`, each looked up by the
 * customer's primary key. Nothing when the Customer Module's table lives in
 * another database.
 */
async function purgeOrphanedCards(manager: EntityManager, input: { now: Date; limit: number; after?: string }): Promise<PurgeBatch> {
  const [found] = (await manager.execute("SELECT to_regclass('customer') IS NOT NULL AS present")) as { present: boolean }[]
  if (!found?.present) return { deleted: 0, more: false }
  const after = input.after ?? ""
  const cutoff = new Date(input.now.getTime() - REMOVED_CARD_RETENTION_MS)
  const [row] = (await manager.execute(
    `WITH examined AS (
       SELECT max(holder) AS last, count(*)::int AS seen FROM (
         SELECT holder FROM test_card WHERE holder > ? AND holder IS NOT NULL AND deleted_at IS NULL ORDER BY holder LIMIT ?
       ) w
     ), doomed AS (
       SELECT t.id FROM test_card t, examined e
       WHERE t.holder > ? AND t.holder <= e.last AND t.holder LIKE 'tcus\\_%' AND t.deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM customer c WHERE c.id = substr(t.holder, 6) AND (c.deleted_at IS NULL OR c.deleted_at >= ?))
         AND ${NOT_IN_USE}
       LIMIT ? FOR UPDATE OF t SKIP LOCKED
     ), gone AS (
       DELETE FROM test_card WHERE id IN (SELECT id FROM doomed) RETURNING 1
     )
     SELECT (SELECT count(*)::int FROM gone) AS n, e.seen, e.last FROM examined e`,
    [after, input.limit, after, cutoff, input.limit]
  )) as { n: number; seen: number; last: string | null }[]
  const deleted = Number(row?.n ?? 0)
  // A full batch may have left more in the same stretch: walk it again. Otherwise go on past it, until the walk runs out.
  if (deleted === input.limit) return { deleted, more: true, after }
  return Number(row?.seen ?? 0) === input.limit && row?.last ? { deleted, more: true, after: row.last } : { deleted, more: false }
}

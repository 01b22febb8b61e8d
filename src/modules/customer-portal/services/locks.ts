import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"

/**
 * Frees a lock whose lease has run out, in the table of Medusa's PostgreSQL
 * locking provider (see `lib/subscription-lock.ts`): that provider never
 * hands an expired lock to a new owner. Nothing with the Redis provider,
 * whose leases lapse by themselves, or when the table is not there.
 */
export async function clearExpiredLock(manager: EntityManager, key: string): Promise<boolean> {
  const [table] = (await manager.execute("SELECT to_regclass('locking') IS NOT NULL AS present")) as { present: boolean }[]
  if (!table?.present) return false
  const freed = (await manager.execute("DELETE FROM locking WHERE id = ? AND expiration IS NOT NULL AND expiration < now() RETURNING id", [key])) as unknown[]
  return freed.length > 0
}

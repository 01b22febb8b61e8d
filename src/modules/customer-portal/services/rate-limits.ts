import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"

/**
 * Rate limits: a request's rules consumed in one round trip (`portal_consume_rate_limits`,
 * GCRA per bucket). The service's `consumeRateLimits` runs this.
 */

export async function consumeRateLimits(manager: EntityManager, rules: { key: string; limit: number; periodMs: number; burst?: number }[], now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  if (!rules.length) {
    return { allowed: true, retryAfterSeconds: 0 }
  }
  const intervals = rules.map((rule) => rule.periodMs / rule.limit)
  const tolerances = rules.map((rule, i) => intervals[i] * ((rule.burst ?? rule.limit) - 1))
  // Arrays as JSON text: the driver would spread a JS array into separate bindings.
  const [row] = (await manager.execute(
    `SELECT allowed, retry_after_ms FROM portal_consume_rate_limits(
       ARRAY(SELECT jsonb_array_elements_text(?::jsonb)),
       ARRAY(SELECT jsonb_array_elements_text(?::jsonb)::float8),
       ARRAY(SELECT jsonb_array_elements_text(?::jsonb)::float8),
       ?::float8)`,
    [JSON.stringify(rules.map((rule) => rule.key)), JSON.stringify(intervals), JSON.stringify(tolerances), now.getTime()]
  )) as { allowed: boolean; retry_after_ms: number }[]
  return { allowed: row.allowed, retryAfterSeconds: row.allowed ? 0 : Math.max(1, Math.ceil(Number(row.retry_after_ms) / 1000)) }
}

/**
 * Seconds until one more request would fit the rule's bucket, 0 when it fits
 * now; reads the bucket without spending it.
 */
export async function rateLimitWait(manager: EntityManager, rule: { key: string; limit: number; periodMs: number; burst?: number }, now: Date): Promise<number> {
  const interval = rule.periodMs / rule.limit
  const tolerance = interval * ((rule.burst ?? rule.limit) - 1)
  const [row] = (await manager.execute(`SELECT extract(epoch from tat) * 1000 AS tat_ms FROM portal_rate_limit WHERE key = ? AND deleted_at IS NULL`, [rule.key])) as {
    tat_ms: string | number
  }[]
  const waitMs = row ? Number(row.tat_ms) - now.getTime() - tolerance : 0
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0
}

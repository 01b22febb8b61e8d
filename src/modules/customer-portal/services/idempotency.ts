import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import type { IdempotentStart } from "../service"

/**
 * Idempotency keys of portal requests: claimed in one atomic statement, answered, released.
 * The service's methods of the same names run these.
 */

/** How long a key's answer is replayed: a day, as payment APIs do. After that the key runs its request again. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3_600_000

export async function startIdempotentRequest(manager: EntityManager, input: { scope: string; key: string; fingerprint: string; now: Date; staleMs: number; ttlMs: number }): Promise<IdempotentStart> {
  const now = input.now.getTime()
  const [claimed] = (await manager.execute(
    `INSERT INTO portal_idempotency_key (id, scope, key, fingerprint, state, started_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'in_progress', to_timestamp(? / 1000.0), now(), now())
     ON CONFLICT (scope, key) WHERE deleted_at IS NULL DO UPDATE SET
       fingerprint = EXCLUDED.fingerprint, state = 'in_progress', started_at = EXCLUDED.started_at,
       response_status = NULL, response_body = NULL, updated_at = now()
     WHERE portal_idempotency_key.started_at < to_timestamp(? / 1000.0)
        OR (portal_idempotency_key.state = 'in_progress' AND portal_idempotency_key.fingerprint = EXCLUDED.fingerprint
            AND portal_idempotency_key.started_at < to_timestamp(? / 1000.0))
     RETURNING id`,
    [generateEntityId(undefined, "pidem"), input.scope, input.key, input.fingerprint, now, now - input.ttlMs, now - input.staleMs]
  )) as { id: string }[]
  if (claimed) {
    return { state: "run", id: claimed.id }
  }
  const [row] = (await manager.execute(
    `SELECT fingerprint, state, response_status, response_body FROM portal_idempotency_key WHERE scope = ? AND key = ? AND deleted_at IS NULL`,
    [input.scope, input.key]
  )) as { fingerprint: string; state: string; response_status: number | null; response_body: unknown }[]
  if (!row) {
    // Released between the two statements: the caller may simply try again.
    return { state: "in_progress" }
  }
  if (row.fingerprint !== input.fingerprint) return { state: "mismatch" }
  if (row.state === "done") return { state: "done", status: row.response_status ?? 200, body: row.response_body }
  return { state: "in_progress" }
}

export async function finishIdempotentRequest(manager: EntityManager, id: string, answer: { status: number; body: unknown }) {
  await manager.execute(
    `UPDATE portal_idempotency_key SET state = 'done', response_status = ?, response_body = ?::jsonb, updated_at = now() WHERE id = ?`,
    [answer.status, JSON.stringify(answer.body ?? null), id]
  )
}

export async function releaseIdempotentRequest(manager: EntityManager, id: string) {
  await manager.execute(`DELETE FROM portal_idempotency_key WHERE id = ? AND state = 'in_progress'`, [id])
}

import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import type { EmailProofMethod } from "../models/email-proof"
import type { PortalLinkDTO, UsableLink } from "../service"
import { marks, USABLE_LINK_COLUMNS } from "./sql"

/**
 * Access: sign-in links, sessions, proofs of email and revocation, as single statements or in
 * the caller's transaction. The service's methods of the same names run these.
 */

export async function recordEmailProof(manager: EntityManager, input: { email: string; customer_id: string; method: EmailProofMethod; link_id?: string | null; now: Date }): Promise<void> {
  await manager.execute(
    `INSERT INTO portal_email_proof (id, email, customer_id, method, first_proven_at, proven_at, link_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (email, customer_id, method) WHERE deleted_at IS NULL
     DO UPDATE SET proven_at = GREATEST(portal_email_proof.proven_at, EXCLUDED.proven_at), link_id = EXCLUDED.link_id, updated_at = now()`,
    [generateEntityId(undefined, "pproof"), input.email, input.customer_id, input.method, input.now, input.now, input.link_id ?? null]
  )
}

export async function recordsConfirmedForEmails(manager: EntityManager, emails: string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>()
  if (!emails.length) return found
  const rows = (await manager.execute(
    `SELECT email, customer_id FROM portal_email_proof
     WHERE method = 'session_confirmation' AND deleted_at IS NULL AND email = ANY(ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))
     ORDER BY proven_at DESC`,
    [JSON.stringify(emails)]
  )) as { email: string; customer_id: string }[]
  for (const row of rows) found.set(row.email, [...(found.get(row.email) ?? []), row.customer_id])
  return found
}

export async function rememberSessionCustomers(manager: EntityManager, input: { session_id: string; customer_ids: string[]; email_confirmed: boolean; now: Date }): Promise<void> {
  await manager.execute(
    "UPDATE portal_session SET customer_ids = ARRAY(SELECT jsonb_array_elements_text(?::jsonb)), email_confirmed = ?, customers_checked_at = ? WHERE id = ?",
    [JSON.stringify(input.customer_ids), input.email_confirmed, input.now, input.session_id]
  )
}

export async function forgetSessionCustomers(manager: EntityManager, customerIds: string[]): Promise<void> {
  if (!customerIds.length) return
  await manager.execute(
    `UPDATE portal_session SET customers_checked_at = NULL
     WHERE customers_checked_at IS NOT NULL AND (customer_id IN (${customerIds.map(() => "?").join(", ")}) OR customer_ids && ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))`,
    [...customerIds, JSON.stringify(customerIds)]
  )
}

/** Whose links and sessions to revoke, and which to keep. */
export type RevokeAccessInput = {
    customer_ids: string[]
    now: Date
    links_issued_by?: ("admin_user" | "api_key" | "customer_request" | "system")[]
    except_link_id?: string
    sessions?: boolean
    /** A session that stays (the one that made an email change). */
    except_session_id?: string | null
  }

export async function revokeAccess(manager: EntityManager, input: RevokeAccessInput): Promise<{ links: number; sessions: number }> {
  if (!input.customer_ids.length) {
    return { links: 0, sessions: 0 }
  }
  const ids = input.customer_ids.map(() => "?").join(", ")
  const issuers = input.links_issued_by ?? []
  const links = (await manager.execute(
    `UPDATE portal_link SET revoked_at = ?, updated_at = ?
     WHERE kind = 'magic' AND customer_id IN (${ids}) AND used_at IS NULL AND revoked_at IS NULL AND deleted_at IS NULL
     ${issuers.length ? `AND issued_by_type IN (${issuers.map(() => "?").join(", ")})` : ""}
     ${input.except_link_id ? "AND id <> ?" : ""}
     RETURNING id`,
    [input.now, input.now, ...input.customer_ids, ...issuers, ...(input.except_link_id ? [input.except_link_id] : [])]
  )) as unknown[]
  let sessions: unknown[] = []
  if (input.sessions !== false) {
    sessions = (await manager.execute(
      `UPDATE portal_session SET revoked_at = ?, updated_at = ?
       WHERE customer_id IN (${ids}) AND revoked_at IS NULL AND deleted_at IS NULL ${input.except_session_id ? "AND id <> ?" : ""} RETURNING id`,
      [input.now, input.now, ...input.customer_ids, ...(input.except_session_id ? [input.except_session_id] : [])]
    )) as unknown[]
  }
  return { links: links.length, sessions: sessions.length }
}

export async function consumeLink(manager: EntityManager, input: { token_hash: string; purposes: readonly PortalLinkDTO["purpose"][]; now: Date }): Promise<UsableLink | null> {
  const [link] = (await manager.execute(
    `UPDATE portal_link SET used_at = ?, updated_at = ?
     WHERE token_hash = ? AND kind = 'magic' AND purpose IN (${marks([...input.purposes])})
       AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ? AND deleted_at IS NULL
     RETURNING ${USABLE_LINK_COLUMNS}`,
    [input.now, input.now, input.token_hash, ...input.purposes, input.now]
  )) as UsableLink[]
  return link ?? null
}

export async function releaseLink(manager: EntityManager, id: string): Promise<void> {
  await manager.execute("UPDATE portal_link SET used_at = NULL, updated_at = now() WHERE id = ? AND revoked_at IS NULL", [id])
}

export async function findUsableLink(manager: EntityManager, tokenHash: string, now: Date): Promise<UsableLink | null> {
  const [link] = (await manager.execute(
    `SELECT ${USABLE_LINK_COLUMNS} FROM portal_link
     WHERE token_hash = ? AND kind = 'magic' AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ? AND deleted_at IS NULL`,
    [tokenHash, now]
  )) as UsableLink[]
  return link ?? null
}


/** Ends the session a browser had before it signed in again; whether it was still live, and whose it was. */
export async function endReplacedSession(manager: EntityManager, tokenHash: string, now: Date, idleTimeoutMs: number) {
  const idleSince = new Date(now.getTime() - idleTimeoutMs)
  const [row] = (await manager.execute(
    `UPDATE portal_session SET revoked_at = ?, updated_at = ?
     WHERE token_hash = ? AND revoked_at IS NULL AND deleted_at IS NULL
     RETURNING id, customer_id, (expires_at > ? AND last_seen_at > ?) AS live`,
    [now, now, tokenHash, now, idleSince]
  )) as { id: string; customer_id: string; live: boolean }[]
  return row ?? null
}
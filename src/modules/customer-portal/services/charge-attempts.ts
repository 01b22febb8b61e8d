import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * The bookkeeping of charge attempts, in SQL so that each rule is one
 * statement. An invoice has at most one attempt attached (`charge_cart_id`):
 * it is attached only when none is, and taken off only by the holder of the
 * subscription's fence, so a holder whose lease lapsed can neither start a
 * second charge beside the first nor discard one another holder is settling.
 */

/** How an attempt pays, and what its charge does once it is paid. Kept on the invoice with its cart. */
export type ChargeAttempt = {
  provider_id?: string
  payment_method_id?: string
  /** The customer record whose account holder keeps the method. */
  payer_id?: string
  on_session?: boolean
  /** The method the subscription takes once this attempt has paid (a reactivation's new method). */
  adopt_method?: Record<string, unknown> | null
}

/** The holder's lease ran out and another holder took the subscription: this one must stop where it is. */
export class ChargeFenceLost extends MedusaError {
  constructor() {
    super(MedusaError.Types.CONFLICT, "This subscription is being charged by another request. Try again in a moment.", "charge_in_progress")
  }
}

/** Takes the next fencing token of a subscription: every token taken before it is stale from now on. */
export async function takeChargeFence(manager: EntityManager, subscriptionId: string): Promise<number> {
  const [row] = (await manager.execute(
    "UPDATE subscription SET charge_fence = charge_fence + 1 WHERE id = ? AND deleted_at IS NULL RETURNING charge_fence",
    [subscriptionId]
  )) as { charge_fence: number }[]
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Subscription with id: ${subscriptionId} was not found`)
  return Number(row.charge_fence)
}

/**
 * Locks the subscription's row for the rest of the transaction and checks
 * that `fence` is still its token: a newer holder's token waits for this
 * transaction, and this one fails if a newer holder came first.
 */
export async function assertChargeFence(manager: EntityManager, subscriptionId: string, fence: number): Promise<void> {
  const [row] = (await manager.execute("SELECT charge_fence FROM subscription WHERE id = ? FOR UPDATE", [subscriptionId])) as {
    charge_fence: number
  }[]
  if (!row || Number(row.charge_fence) !== fence) throw new ChargeFenceLost()
}

/** Whether `fence` is still the subscription's token (a read: for checks right before money moves). */
export async function holdsChargeFence(manager: EntityManager, subscriptionId: string, fence: number): Promise<boolean> {
  const [row] = (await manager.execute("SELECT charge_fence FROM subscription WHERE id = ?", [subscriptionId])) as { charge_fence: number }[]
  return !!row && Number(row.charge_fence) === fence
}

/** Attaches an attempt to an open invoice that has none, if `fence` is still the token. Whether it was attached. */
export async function attachChargeAttempt(
  manager: EntityManager,
  input: { invoice_id: string; subscription_id: string; fence: number; cart_id: string; attempt: ChargeAttempt }
): Promise<boolean> {
  const rows = (await manager.execute(
    `UPDATE invoice SET charge_cart_id = ?, charge_attempt = ?::jsonb, updated_at = now()
     WHERE id = ? AND status = 'open' AND charge_cart_id IS NULL AND deleted_at IS NULL
       AND EXISTS (SELECT 1 FROM subscription WHERE id = ? AND charge_fence = ?)
     RETURNING id`,
    [input.cart_id, JSON.stringify(input.attempt), input.invoice_id, input.subscription_id, input.fence]
  )) as unknown[]
  return rows.length > 0
}

/** Takes the attempt `cart_id` off its open invoice (it was declined, or its payment given back), if `fence` is still the token. */
export async function detachChargeAttempt(
  manager: EntityManager,
  input: { invoice_id: string; subscription_id: string; fence: number; cart_id: string }
): Promise<boolean> {
  const rows = (await manager.execute(
    `UPDATE invoice SET charge_cart_id = NULL, charge_attempt = NULL, updated_at = now()
     WHERE id = ? AND charge_cart_id = ? AND status = 'open' AND deleted_at IS NULL
       AND EXISTS (SELECT 1 FROM subscription WHERE id = ? AND charge_fence = ?)
     RETURNING id`,
    [input.invoice_id, input.cart_id, input.subscription_id, input.fence]
  )) as unknown[]
  return rows.length > 0
}

export type InterruptedCharge = { invoice_id: string; subscription_id: string; cart_id: string }

/**
 * Open invoices of on-hold subscriptions with an attempt attached: charges
 * a stopped server or a lost connection left unfinished (renewals need no
 * sweep: their subscription stays due and the next renewal resumes them).
 */
export async function listInterruptedCharges(manager: EntityManager, limit: number): Promise<InterruptedCharge[]> {
  return (await manager.execute(
    `SELECT i.id AS invoice_id, i.subscription_id, i.charge_cart_id AS cart_id
     FROM invoice i JOIN subscription s ON s.id = i.subscription_id AND s.deleted_at IS NULL AND s.status = 'on_hold'
     WHERE i.status = 'open' AND i.deleted_at IS NULL AND i.charge_cart_id IS NOT NULL
     ORDER BY i.updated_at LIMIT ?`,
    [limit]
  )) as InterruptedCharge[]
}

/** Whether an order was placed by a charge attempt of this portal (a renewal or dues order), from the server's own record. */
export async function isChargeOrder(manager: EntityManager, orderId: string, cartId: string | null): Promise<boolean> {
  const rows = (await manager.execute(
    `SELECT 1 FROM invoice WHERE deleted_at IS NULL AND source_type IN ('renewal', 'dues') AND (order_id = ? OR (charge_cart_id IS NOT NULL AND charge_cart_id = ?)) LIMIT 1`,
    [orderId, cartId ?? ""]
  )) as unknown[]
  return rows.length > 0
}

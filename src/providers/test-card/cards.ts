import { generateEntityId } from "@medusajs/framework/utils"
import { createHash } from "node:crypto"

/**
 * The test cards and their store. Numbers behave like the well-known test
 * cards of the big gateways; any other number is refused, so a real card can
 * never be typed into a test store. Only brand, last four digits, expiry and
 * a fingerprint are kept (table `test_card`, created by the plugin's module).
 */

export type CardBehavior = "succeeds" | "declined" | "charge_fails" | "insufficient_funds" | "requires_action" | "processing_error" | "times_out"

export const TEST_CARDS: Record<string, { behavior: CardBehavior; what: string }> = {
  "4242424242424242": { behavior: "succeeds", what: "Succeeds" },
  "4000000000000002": { behavior: "declined", what: "Always declined" },
  "4000000000000341": { behavior: "charge_fails", what: "Can be saved; every charge fails" },
  "4000000000009995": { behavior: "insufficient_funds", what: "Declined for insufficient funds" },
  "4000002500003155": { behavior: "requires_action", what: "Needs the customer's confirmation" },
  "4000000000000119": { behavior: "processing_error", what: "Can be saved; the provider fails on every charge" },
  "4000000000000168": { behavior: "times_out", what: "Can be saved; the provider never answers a charge in time" },
}

export type TestCardRow = {
  id: string
  holder: string | null
  brand: string
  last4: string
  exp_month: number
  exp_year: number
  fingerprint: string
  behavior: CardBehavior
  confirmed_at: Date | null
}

/** What anyone may see of a card. */
export type PublicCard = { id: string; brand: string; last4: string; exp_month: number; exp_year: number }

export const publicCard = (card: TestCardRow): PublicCard => ({
  id: card.id,
  brand: card.brand,
  last4: card.last4,
  exp_month: card.exp_month,
  exp_year: card.exp_year,
})

/** The subset of knex these functions use. */
export type Db = {
  (table: string): any
  raw(sql: string, bindings?: unknown[]): Promise<{ rows: any[] }>
}

export class CardError extends Error {
  constructor(
    readonly code: "not_a_test_card" | "invalid_number" | "invalid_expiry" | "expired_card" | "card_declined" | "no_such_card" | "live_mode",
    message: string
  ) {
    super(message)
  }
}

function luhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

function brandOf(digits: string): string {
  if (digits.startsWith("4")) return "visa"
  if (/^5[1-5]/.test(digits) || /^2[2-7]/.test(digits)) return "mastercard"
  if (/^3[47]/.test(digits)) return "amex"
  return "card"
}

/** Whether an expiry (month, four-digit year) has passed at `now`: a card is good through its month's last day. */
export function isExpired(card: Pick<TestCardRow, "exp_month" | "exp_year">, now: Date): boolean {
  return now.getUTCFullYear() * 12 + now.getUTCMonth() + 1 > card.exp_year * 12 + card.exp_month
}

/**
 * Checks a typed card and stores it as a one-use card (not saved to anyone).
 * The number lives only in this call's memory.
 */
export async function createCard(db: Db, input: { number: string; exp_month: number; exp_year: number }, now: Date): Promise<TestCardRow> {
  const digits = input.number.replace(/[\s-]/g, "")
  if (!/^\d{12,19}$/.test(digits) || !luhn(digits)) {
    throw new CardError("invalid_number", "This card number is not valid. Check the digits and try again.")
  }
  const known = TEST_CARDS[digits]
  if (!known) {
    throw new CardError(
      "not_a_test_card",
      "This store is in test mode: use a test card such as 4242 4242 4242 4242. Real cards are never accepted here."
    )
  }
  const exp_year = input.exp_year < 100 ? 2000 + input.exp_year : input.exp_year
  if (!Number.isInteger(input.exp_month) || input.exp_month < 1 || input.exp_month > 12 || !Number.isInteger(exp_year) || exp_year > 2100) {
    throw new CardError("invalid_expiry", "The expiry date is not valid. Use the month and year printed on the card.")
  }
  if (isExpired({ exp_month: input.exp_month, exp_year }, now)) {
    throw new CardError("expired_card", "This card has expired. Use a card with an expiry date in the future.")
  }
  const row: TestCardRow = {
    id: generateEntityId(undefined, "tcard"),
    holder: null,
    brand: brandOf(digits),
    last4: digits.slice(-4),
    exp_month: input.exp_month,
    exp_year,
    fingerprint: createHash("sha256").update(`test-card:${digits}`).digest("hex").slice(0, 32),
    behavior: known.behavior,
    confirmed_at: null,
  }
  await db("test_card").insert(row)
  return row
}

export async function findCard(db: Db, id: unknown): Promise<TestCardRow | null> {
  if (typeof id !== "string" || !/^tcard_[A-Za-z0-9]+$/.test(id)) return null
  const [row] = await db("test_card").where({ id }).whereNull("deleted_at").limit(1)
  return row ?? null
}

/** A card the given holder may use: their own, or one made for a single payment and not yet saved by anyone. */
export async function usableCard(db: Db, id: unknown, holder: string | null): Promise<TestCardRow> {
  const card = await findCard(db, id)
  if (!card || (card.holder !== null && card.holder !== holder)) {
    throw new CardError("no_such_card", "There is no such payment method.")
  }
  return card
}

export async function attachCard(db: Db, card: TestCardRow, holder: string): Promise<TestCardRow> {
  if (card.holder === holder) return card
  // Only an unsaved card can be claimed, and only once.
  const updated = await db("test_card").where({ id: card.id }).whereNull("holder").update({ holder, updated_at: new Date() }).returning("*")
  if (!updated.length) throw new CardError("no_such_card", "There is no such payment method.")
  return updated[0]
}

export async function listCards(db: Db, holder: string): Promise<TestCardRow[]> {
  return db("test_card").where({ holder }).whereNull("deleted_at").orderBy("created_at", "desc").limit(100)
}

export async function detachCard(db: Db, id: string, holder: string): Promise<void> {
  await db("test_card").where({ id, holder }).whereNull("deleted_at").update({ deleted_at: new Date(), updated_at: new Date() })
}

export async function markConfirmed(db: Db, id: string, now: Date): Promise<void> {
  await db("test_card").where({ id }).update({ confirmed_at: now, updated_at: now })
}

/** The portal's mode: while it is live, the test provider takes no new checkouts. */
export async function portalIsLive(db: Db): Promise<boolean> {
  const { rows } = await db.raw(`select mode from customer_portal where deleted_at is null order by created_at limit 1`)
  return rows[0]?.mode === "live"
}

/**
 * The mode of the invoice a payment session pays, when the session belongs to
 * one of the portal's charges (a renewal or dues): its cart is the invoice's
 * charge cart. Null for anything else (a checkout). Read from the server's
 * records, never from the session's data.
 */
export async function chargedInvoiceMode(db: Db, paymentSessionId: string | undefined): Promise<"test" | "live" | null> {
  if (!paymentSessionId) return null
  const { rows } = await db.raw(
    `select i.mode from payment_session ps
       join cart_payment_collection cpc on cpc.payment_collection_id = ps.payment_collection_id and cpc.deleted_at is null
       join invoice i on i.charge_cart_id = cpc.cart_id and i.deleted_at is null
      where ps.id = ? limit 1`,
    [paymentSessionId]
  )
  return rows[0]?.mode ?? null
}

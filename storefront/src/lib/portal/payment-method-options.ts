/**
 * The values the payment-method form sends, shared by the form and the server actions that
 * check them again, so it holds nothing server-only.
 */

/** The store's test payment provider, whose card form is `POST /store/test-cards`. */
export const TEST_CARD_PROVIDER_ID = "pp_test-card_test"

/** The test cards and what each does, as the hint lists them in test mode. */
export const TEST_CARDS = [
  { number: "4242 4242 4242 4242", behavior: "succeeds" },
  { number: "4000 0000 0000 0002", behavior: "declined" },
  { number: "4000 0000 0000 9995", behavior: "insufficient_funds" },
  { number: "4000 0000 0000 0341", behavior: "charge_fails" },
  { number: "4000 0025 0000 3155", behavior: "requires_action" },
  { number: "4000 0000 0000 0119", behavior: "processing_error" },
  { number: "4000 0000 0000 0168", behavior: "times_out" },
] as const

/** Payment failure codes the portal words itself; any other gets the general sentence. */
export const PAYMENT_FAILURE_CODES = [
  "card_declined",
  "insufficient_funds",
  "expired_card",
  "authentication_required",
] as const

export type PaymentFailureCode = (typeof PAYMENT_FAILURE_CODES)[number]

export function isPaymentFailureCode(value: unknown): value is PaymentFailureCode {
  return typeof value === "string" && (PAYMENT_FAILURE_CODES as ReadonlyArray<string>).includes(value)
}

/** The id of a saved method, as the backend takes it: never something shaped like a card number. */
export const PAYMENT_METHOD_ID = /^[A-Za-z0-9_-]{1,200}$/

/** One key per press of "Confirm changes" or "Confirm payment": a UUID. */
export const IDEMPOTENCY_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A new random UUID (v4). `randomUUID` needs a secure page; `getRandomValues` works on any. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") {
    return crypto.randomUUID()
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  // Version 4 and the RFC 4122 variant.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The card form as typed. */
export type CardInput = {
  number: string
  /** MM/YY, MM/YYYY or the digits alone (MMYY). */
  expiry: string
  cvc: string
}

export type CardField = "number" | "expiry" | "cvc"

export type CardProblem = "missing" | "invalid" | "expired"

/** A card that passed the checks: digits only, a four-digit year. */
export type CheckedCard = {
  number: string
  exp_month: number
  exp_year: number
  cvc: string
}

export type CardCheck =
  | { ok: true; card: CheckedCard }
  | { ok: false; field: CardField; problem: CardProblem }

/**
 * Checks a typed card the way the card route would, so most mistakes are told in the page's
 * language before anything is sent: the number's length and check digit, an expiry that has not
 * passed (a card is good through the last day of its month), a 3 or 4 digit security code.
 */
export function checkCard(input: CardInput, now: Date = new Date()): CardCheck {
  const number = input.number.replace(/[\s-]/g, "")
  if (!number) {
    return { ok: false, field: "number", problem: "missing" }
  }
  if (!/^\d{12,19}$/.test(number) || !passesLuhn(number)) {
    return { ok: false, field: "number", problem: "invalid" }
  }

  const expiry = input.expiry.trim()
  if (!expiry) {
    return { ok: false, field: "expiry", problem: "missing" }
  }
  const parts = /^(\d{1,2})\s*[/-]\s*(\d{2}|\d{4})$/.exec(expiry) ?? /^(\d{2})(\d{2}|\d{4})$/.exec(expiry)
  const month = Number(parts?.[1])
  const yearDigits = parts?.[2] ?? ""
  const year = !yearDigits ? NaN : yearDigits.length === 2 ? 2000 + Number(yearDigits) : Number(yearDigits)
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(year) || year > 2100) {
    return { ok: false, field: "expiry", problem: "invalid" }
  }
  if (now.getFullYear() * 12 + now.getMonth() + 1 > year * 12 + month) {
    return { ok: false, field: "expiry", problem: "expired" }
  }

  const cvc = input.cvc.trim()
  if (!cvc) {
    return { ok: false, field: "cvc", problem: "missing" }
  }
  if (!/^\d{3,4}$/.test(cvc)) {
    return { ok: false, field: "cvc", problem: "invalid" }
  }
  return { ok: true, card: { number, exp_month: month, exp_year: year, cvc } }
}

function passesLuhn(digits: string): boolean {
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) {
        digit -= 9
      }
    }
    sum += digit
  }
  return sum % 10 === 0
}

"use strict"
// Stripe's test cards and what each does (https://stripe.com/docs/testing), by number and by the
// `pm_card_*` alias that stands for it. The behaviours are Stripe's documented ones; the codes of
// the cards that decline at setup and the 3178 off-session answer are pinned by the real-test-mode run.

const DECLINES = {
  generic_decline: { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." },
  insufficient_funds: { code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." },
  expired_card: { code: "expired_card", decline_code: "expired_card", message: "Your card has expired.", param: "exp_month" },
  processing_error: {
    code: "processing_error",
    decline_code: "processing_error",
    message: "An error occurred while processing your card. Try again in a little bit.",
  },
  authentication_required: {
    code: "authentication_required",
    decline_code: "authentication_required",
    message: "Your card was declined. This transaction requires authentication.",
  },
  live_card: {
    code: "card_declined",
    decline_code: "test_mode_live_card",
    message:
      "Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit: https://stripe.com/docs/testing.",
  },
  incorrect_number: { code: "incorrect_number", message: "Your card number is incorrect.", param: "number" },
  expiry_past: { code: "invalid_expiry_year", message: "Your card's expiration year is in the past.", param: "exp_year" },
}

/**
 * decline:          the decline of every charge (and of setup too when `atSetup`)
 * authenticate:     "always" — 3-D Secure on every payment; "unless_set_up" — on-session always,
 *                   off-session only until the card was set up with authentication
 * afterAuthentication: the decline that follows a completed authentication
 * offSession:       the decline of an off-session payment (else authentication_required)
 * processing:       an emulator-only card: the intent stays `processing` until settled
 */
const CARDS = [
  { number: "4242424242424242", alias: "pm_card_visa", brand: "visa" },
  { number: "4000056655665556", alias: "pm_card_visa_debit", brand: "visa", funding: "debit" },
  { number: "5555555555554444", alias: "pm_card_mastercard", brand: "mastercard" },
  { number: "4000000000000002", alias: "pm_card_chargeDeclined", brand: "visa", decline: "generic_decline", atSetup: true },
  { number: "4000000000009995", alias: "pm_card_chargeDeclinedInsufficientFunds", brand: "visa", decline: "insufficient_funds", atSetup: true },
  { number: "4000000000000069", alias: "pm_card_chargeDeclinedExpiredCard", brand: "visa", decline: "expired_card", atSetup: true },
  { number: "4000000000000119", alias: "pm_card_chargeDeclinedProcessingError", brand: "visa", decline: "processing_error", atSetup: true },
  { number: "4000000000000341", alias: "pm_card_chargeCustomerFail", brand: "visa", decline: "generic_decline", atSetup: false },
  { number: "4000002500003155", alias: "pm_card_authenticationRequiredOnSetup", brand: "visa", authenticate: "unless_set_up" },
  { number: "4000002760003184", alias: "pm_card_authenticationRequired", brand: "visa", authenticate: "always" },
  {
    number: "4000008260003178",
    alias: "pm_card_authenticationRequiredChargeDeclinedInsufficientFunds",
    brand: "visa",
    authenticate: "always",
    afterAuthentication: "insufficient_funds",
    offSession: "insufficient_funds",
  },
  // Not a Stripe card: Stripe's cards settle at once, and a test needs an intent that stays `processing`.
  { number: null, last4: "0000", alias: "pm_card_emulator_processing", brand: "visa", processing: true },
]

const byNumber = new Map(CARDS.filter((c) => c.number).map((c) => [c.number, c]))
const byAlias = new Map(CARDS.map((c) => [c.alias, c]))

function luhn(number) {
  let sum = 0
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i])
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2
    sum += d
  }
  return sum % 10 === 0
}

/** The test card for a number typed in a form; a Stripe decline (as a DECLINES entry) when there is none. */
function cardForNumber(raw) {
  const number = String(raw ?? "").replace(/[\s-]/g, "")
  if (!/^\d{12,19}$/.test(number) || !luhn(number)) return { decline: DECLINES.incorrect_number }
  const card = byNumber.get(number)
  return card ? { card } : { decline: DECLINES.live_card }
}

const cardForAlias = (alias) => byAlias.get(alias)

const isAlias = (id) => typeof id === "string" && id.startsWith("pm_card_")

const last4Of = (card) => card.last4 ?? card.number.slice(-4)

module.exports = { CARDS, DECLINES, cardForNumber, cardForAlias, isAlias, last4Of }

/**
 * What a customer is told when a payment provider refuses to save a card
 * (L11). The Payment Module hands on only the provider's message text, which
 * can carry ids and the store's setup ("No such PaymentMethod: 'pm_…'; a
 * similar object exists in test mode"). So the text is never passed on: it is
 * matched against the codes and standard sentences of the providers we know
 * — the portal's test cards, and Stripe's card errors and decline codes — and
 * the customer gets the portal's own sentence for that code, or one general
 * sentence for anything else.
 */

export const PROVIDER_REFUSALS = {
  card_declined: "Your card was declined. Try another card.",
  expired_card: "Your card has expired. Try another card.",
  incorrect_cvc: "The card's security code is incorrect. Check it and try again.",
  incorrect_number: "The card number is incorrect. Check it and try again.",
  invalid_expiry: "The expiry date is not valid. Use the month and year printed on the card.",
  insufficient_funds: "Your card has insufficient funds. Try another card.",
  processing_error: "The card could not be checked just now. Try again in a moment, or use another card.",
  authentication_required: "Your bank asks you to confirm this card. Try again and follow your bank's steps.",
  no_such_payment_method: "There is no such payment method.",
} as const

export type ProviderRefusalCode = keyof typeof PROVIDER_REFUSALS | "payment_method_not_saved"

export const GENERIC_REFUSAL = "The card could not be saved. Try again, or use another card."

/** Stripe decline codes that mean "declined" to the customer, whatever the bank's reason. */
const DECLINED = ["do_not_honor", "generic_decline", "lost_card", "stolen_card", "pickup_card", "fraudulent", "restricted_card", "card_not_supported", "transaction_not_allowed", "card_velocity_exceeded", "call_issuer", "withdrawal_count_limit_exceeded"]

/** Codes as providers write them in their messages, and the portal's code each stands for. */
const CODES: Record<string, keyof typeof PROVIDER_REFUSALS> = {
  card_declined: "card_declined",
  expired_card: "expired_card",
  incorrect_cvc: "incorrect_cvc",
  invalid_cvc: "incorrect_cvc",
  incorrect_number: "incorrect_number",
  invalid_number: "incorrect_number",
  invalid_expiry_month: "invalid_expiry",
  invalid_expiry_year: "invalid_expiry",
  invalid_expiry: "invalid_expiry",
  insufficient_funds: "insufficient_funds",
  processing_error: "processing_error",
  authentication_required: "authentication_required",
  no_such_card: "no_such_payment_method",
  ...Object.fromEntries(DECLINED.map((code) => [code, "card_declined" as const])),
}

/** The standard sentences (the start of them) of the test card provider and of Stripe's card errors. */
const SENTENCES: [RegExp, keyof typeof PROVIDER_REFUSALS][] = [
  [/^Your card was declined\b/, "card_declined"],
  [/^Your card has expired\b/, "expired_card"],
  [/^This card has expired\b/, "expired_card"],
  [/^Your card's security code is (incorrect|invalid)\b/, "incorrect_cvc"],
  [/^Your card number is (incorrect|invalid)\b/, "incorrect_number"],
  [/^This card number is not valid\b/, "incorrect_number"],
  [/^Your card's expiration (month|year) is invalid\b/, "invalid_expiry"],
  [/^The expiry date is not valid\b/, "invalid_expiry"],
  [/^Your card has insufficient funds\b/, "insufficient_funds"],
  [/^An error occurred while processing your card\b/, "processing_error"],
  [/^There is no such payment method\.$/, "no_such_payment_method"],
]

/** The portal's code and sentence for a provider's refusal message. */
export function providerRefusal(message: string): { code: ProviderRefusalCode; message: string } {
  const text = message.trim()
  const token = [...text.matchAll(/\b[a-z]+(?:_[a-z]+)+\b/g)].map(([word]) => word).find((word) => word in CODES)
  const code = (token && CODES[token]) || SENTENCES.find(([pattern]) => pattern.test(text))?.[1]
  return code ? { code, message: PROVIDER_REFUSALS[code] } : { code: "payment_method_not_saved", message: GENERIC_REFUSAL }
}

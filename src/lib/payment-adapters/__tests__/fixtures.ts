// Objects shaped as Stripe's API (2024-04-10) answers them, trimmed to what the adapters read and a little more.
export const stripeCardMethod = (over: Record<string, unknown> = {}) => ({
  id: "pm_1PxVisa4242",
  object: "payment_method",
  type: "card",
  billing_details: { address: { country: null }, email: null, name: null, phone: null },
  card: {
    brand: "visa",
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
    country: "US",
    exp_month: 12,
    exp_year: 2034,
    fingerprint: "Xt5EWLLDS7FJjR1c",
    funding: "credit",
    last4: "4242",
    wallet: null,
  },
  created: 1733500000,
  customer: "cus_QxLayla",
  livemode: false,
  metadata: {},
  ...over,
})

export const stripeLinkMethod = () => ({
  id: "pm_1PxLink",
  object: "payment_method",
  type: "link",
  link: { email: "layla@example.com" },
  customer: "cus_QxLayla",
  livemode: false,
})

export const stripeSetupIntent = (over: Record<string, unknown> = {}) => ({
  id: "seti_1PxSetup",
  object: "setup_intent",
  client_secret: "seti_1PxSetup_secret_abc123",
  customer: "cus_QxLayla",
  payment_method: null,
  payment_method_types: ["card"],
  status: "requires_payment_method",
  usage: "off_session",
  next_action: null,
  last_setup_error: null,
  metadata: { customer_portal: "1" },
  ...over,
})

export const stripePaymentIntent = (over: Record<string, unknown> = {}) => ({
  id: "pi_3PxIntent",
  object: "payment_intent",
  amount: 1999,
  currency: "usd",
  capture_method: "automatic",
  client_secret: "pi_3PxIntent_secret_def456",
  customer: "cus_QxLayla",
  last_payment_error: null,
  metadata: { session_id: "payses_01" },
  next_action: null,
  payment_method: "pm_1PxVisa4242",
  status: "succeeded",
  ...over,
})

/** A PaymentIntent after a decline: back to requires_payment_method with the reason in last_payment_error. */
export const declinedIntent = (code: string, decline_code: string | undefined, message: string) =>
  stripePaymentIntent({
    status: "requires_payment_method",
    last_payment_error: { type: "card_error", code, ...(decline_code ? { decline_code } : {}), message, payment_method: stripeCardMethod() },
  })

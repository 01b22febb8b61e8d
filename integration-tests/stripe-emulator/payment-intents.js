"use strict"
// PaymentIntents: what Medusa's provider calls (create, retrieve, update, capture, cancel) and what
// Stripe.js calls with the client secret (retrieve, confirm).
const { invalid, missing, unexpectedState } = require("./errors")
const { put, find, random, newId, now, checkExpand, view } = require("./objects")
const { validate } = require("./params")
const { liveCustomer, resolveMethod, assertUsable } = require("./payment-methods")
const { automaticPaymentMethods, assertReturnUrl, methodFor, assertClientSecret, CONFIRMABLE } = require("./rules")
const { confirmPayment, emit } = require("./charging")

// Stripe's minimum charge per currency, in minor units (https://stripe.com/docs/currencies#minimum-and-maximum-charge-amounts).
const MINIMUM = { usd: 50, eur: 50, gbp: 30, aud: 50, cad: 50, chf: 50, nzd: 50, sgd: 50, inr: 50, brl: 50, aed: 200, dkk: 250, nok: 300, sek: 300, pln: 200, ron: 200, myr: 200, hkd: 400, czk: 1500, mxn: 1000, thb: 1000, jpy: 50, huf: 17500 }
const ZERO_DECIMAL = new Set(["jpy", "krw", "vnd", "clp", "pyg", "xof", "xaf", "ugx", "rwf", "kmf", "gnf", "djf", "bif", "mga", "vuv", "xpf"])

function assertAmount(amount, currency) {
  if (amount < 1) throw invalid("This value must be greater than or equal to 1.", "amount", { code: "parameter_invalid_integer" })
  const minimum = MINIMUM[currency] ?? 50
  if (amount < minimum) {
    const shown = ZERO_DECIMAL.has(currency) ? String(minimum) : (minimum / 100).toFixed(2)
    throw invalid(`Amount must be at least ${currency === "usd" ? "$" : ""}${shown} ${currency}`, "amount", { code: "amount_too_small", doc_url: "https://stripe.com/docs/error-codes/amount-too-small" })
  }
}

function currencyOf(value) {
  if (!/^[a-z]{3}$/i.test(value)) throw invalid(`Invalid currency: ${value}. Stripe currently supports these currencies: usd, eur, gbp, …`, "currency")
  return value.toLowerCase()
}

const offSessionOf = (value) => value !== undefined && value !== false

function assertOffSession(p, confirming) {
  if (!offSessionOf(p.off_session)) return
  if (!confirming) throw invalid("`off_session` can only be used when `confirm` is true.", "off_session")
  if (p.setup_future_usage) throw invalid("You cannot set `setup_future_usage` when `off_session` is also set.", "setup_future_usage")
}

function paymentIntent(p, currency, apm, pm) {
  const id = newId("pi")
  return {
    id,
    object: "payment_intent",
    amount: p.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: p.application_fee_amount ?? null,
    automatic_payment_methods: apm,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: p.capture_method ?? "automatic_async",
    client_secret: `${id}_secret_${random(25)}`,
    confirmation_method: p.confirmation_method ?? "automatic",
    created: now(),
    currency,
    customer: p.customer ?? null,
    description: p.description ?? null,
    invoice: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: p.metadata ?? {},
    next_action: null,
    on_behalf_of: p.on_behalf_of ?? null,
    payment_method: pm?.id ?? null,
    payment_method_configuration_details: apm ? { id: "pmc_emulator", parent: null } : null,
    payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: "automatic" } },
    payment_method_types: p.payment_method_types ?? ["card"],
    processing: null,
    receipt_email: p.receipt_email ?? null,
    review: null,
    setup_future_usage: p.setup_future_usage ?? null,
    shipping: p.shipping ?? null,
    source: null,
    statement_descriptor: p.statement_descriptor ?? null,
    statement_descriptor_suffix: p.statement_descriptor_suffix ?? null,
    status: pm ? "requires_confirmation" : "requires_payment_method",
    transfer_data: p.transfer_data ?? null,
    transfer_group: p.transfer_group ?? null,
  }
}

function missingMethod(pi) {
  return invalid(
    `You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent${pi.customer ? ` with ${pi.customer}` : ""}, specify a payment method attached to this customer along with the customer ID.`,
    "payment_method"
  )
}

const create = (ctx, req) => {
  const p = validate(req.params, "paymentIntentCreate")
  if (p.amount === undefined) throw missing("amount")
  if (!p.currency) throw missing("currency")
  const currency = currencyOf(p.currency)
  assertAmount(p.amount, currency)
  const apm = automaticPaymentMethods(p)
  assertOffSession(p, p.confirm)
  checkExpand("payment_intent", p.expand)
  if (p.customer) liveCustomer(ctx, p.customer)
  if (p.confirm) assertReturnUrl({ automatic_payment_methods: apm }, p.return_url, "Payment Intent")
  const pm = methodFor(ctx, p, false, p.customer ?? null)
  if (p.confirm && !pm) throw missingMethod(p)
  const pi = put(ctx.store, paymentIntent(p, currency, apm, pm))
  emit(ctx, "payment_intent.created", pi)
  if (p.confirm) {
    const options = { offSession: offSessionOf(p.off_session), returnUrl: p.return_url, useStripeSdk: p.use_stripe_sdk, errorOnRequiresAction: p.error_on_requires_action }
    confirmPayment(ctx, pi, pm, options)
  }
  return view(ctx.store, pi, p.expand)
}

const retrieve = (ctx, req) => {
  const p = validate(req.params, "retrieveIntent", { publishable: req.publishable })
  const pi = find(ctx.store, req.id, "payment_intent", "payment_intent", "intent")
  assertClientSecret(req, p, pi)
  return view(ctx.store, pi, p.expand)
}

// What can still change once the intent was confirmed: its labels only.
const LABELS = new Set(["metadata", "description", "receipt_email", "shipping", "statement_descriptor", "statement_descriptor_suffix", "transfer_group", "expand"])

const update = (ctx, req) => {
  const p = validate(req.params, "paymentIntentUpdate")
  const pi = find(ctx.store, req.id, "payment_intent", "payment_intent", "intent")
  checkExpand("payment_intent", p.expand)
  const editable = CONFIRMABLE.includes(pi.status)
  if (!editable && !Object.keys(p).every((k) => LABELS.has(k))) {
    throw unexpectedState(view(ctx.store, pi), `You cannot update this PaymentIntent because it has a status of ${pi.status}. Updates are only allowed when the PaymentIntent has a status of ${CONFIRMABLE.join(", ")}.`)
  }
  const currency = p.currency ? currencyOf(p.currency) : pi.currency
  if (p.amount !== undefined || p.currency) assertAmount(p.amount ?? pi.amount, currency)
  if (p.customer) liveCustomer(ctx, p.customer)
  const pm = p.payment_method ? resolveMethod(ctx, p.payment_method) : null
  if (pm) assertUsable(ctx, pm, p.customer ?? pi.customer)
  const { expand, metadata, payment_method, payment_method_data, ...rest } = p
  if (payment_method_data) throw invalid("payment_method_data can only be sent when confirming.", "payment_method_data")
  Object.assign(pi, rest, { currency })
  if (metadata) pi.metadata = Object.keys(metadata).length ? { ...pi.metadata, ...metadata } : {}
  if (pm) pi.payment_method = pm.id
  if (rest.payment_method_types) pi.automatic_payment_methods = null
  if (editable && Object.keys(p).some((k) => !LABELS.has(k))) {
    pi.status = pi.payment_method ? "requires_confirmation" : "requires_payment_method"
    pi.next_action = null
  }
  return view(ctx.store, pi, expand)
}

const confirm = (ctx, req) => {
  const p = validate(req.params, "paymentIntentConfirm", { publishable: req.publishable })
  const pi = find(ctx.store, req.id, "payment_intent", "payment_intent", "intent")
  assertClientSecret(req, p, pi)
  checkExpand("payment_intent", p.expand)
  if (!CONFIRMABLE.includes(pi.status)) {
    throw unexpectedState(view(ctx.store, pi), `You cannot confirm this PaymentIntent because it has a status of ${pi.status}.`)
  }
  assertOffSession({ ...p, setup_future_usage: p.setup_future_usage ?? pi.setup_future_usage }, true)
  assertReturnUrl(pi, p.return_url, "Payment Intent")
  const pm = methodFor(ctx, p, req.publishable, pi.customer) ?? (pi.payment_method ? resolveMethod(ctx, pi.payment_method) : null)
  if (!pm) throw missingMethod(pi)
  assertUsable(ctx, pm, pi.customer)
  if (p.setup_future_usage) pi.setup_future_usage = p.setup_future_usage
  if (p.capture_method) pi.capture_method = p.capture_method
  const options = { offSession: offSessionOf(p.off_session), returnUrl: p.return_url, useStripeSdk: p.use_stripe_sdk, errorOnRequiresAction: p.error_on_requires_action }
  confirmPayment(ctx, pi, pm, options)
  return view(ctx.store, pi, p.expand)
}

const capture = (ctx, req) => {
  const p = validate(req.params, "capture")
  const pi = find(ctx.store, req.id, "payment_intent", "payment_intent", "intent")
  checkExpand("payment_intent", p.expand)
  if (pi.status !== "requires_capture") {
    throw unexpectedState(view(ctx.store, pi), `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`)
  }
  const amount = p.amount_to_capture ?? pi.amount_capturable
  if (amount < 1 || amount > pi.amount_capturable) {
    throw invalid("The amount to capture must be at least 1 and at most the amount capturable.", "amount_to_capture", { code: "amount_too_large" })
  }
  const ch = ctx.store.objects.get(pi.latest_charge)
  Object.assign(ch, { captured: true, amount_captured: amount, amount_refunded: pi.amount - amount })
  Object.assign(pi, { status: "succeeded", amount_received: amount, amount_capturable: 0 })
  if (p.metadata) pi.metadata = { ...pi.metadata, ...p.metadata }
  emit(ctx, "payment_intent.succeeded", pi)
  return view(ctx.store, pi, p.expand)
}

const CANCELABLE = [...CONFIRMABLE.slice(0, 2), "requires_capture", "requires_action", "processing"]

const cancel = (ctx, req) => {
  const p = validate(req.params, "cancel")
  const pi = find(ctx.store, req.id, "payment_intent", "payment_intent", "intent")
  checkExpand("payment_intent", p.expand)
  if (!CANCELABLE.includes(pi.status)) {
    throw unexpectedState(view(ctx.store, pi), `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(", ")}.`)
  }
  Object.assign(pi, { status: "canceled", canceled_at: now(), cancellation_reason: p.cancellation_reason ?? null, amount_capturable: 0, next_action: null })
  emit(ctx, "payment_intent.canceled", pi)
  return view(ctx.store, pi, p.expand)
}

const routes = [
  ["POST", "/v1/payment_intents", create],
  ["GET", "/v1/payment_intents/:id", retrieve, { publishable: "client_secret" }],
  ["POST", "/v1/payment_intents/:id", update],
  ["POST", "/v1/payment_intents/:id/confirm", confirm, { publishable: "client_secret" }],
  ["POST", "/v1/payment_intents/:id/capture", capture],
  ["POST", "/v1/payment_intents/:id/cancel", cancel],
]

module.exports = { routes }

"use strict"
// SetupIntents: saving a card for later (off-session) payments. Medusa's savePaymentMethod creates
// one; Stripe.js confirms it in the browser with the client secret; 3-D Secure happens there.
const { invalid, unexpectedState } = require("./errors")
const { put, find, random, newId, now, checkExpand, view } = require("./objects")
const { validate } = require("./params")
const { liveCustomer } = require("./payment-methods")
const { automaticPaymentMethods, assertReturnUrl, methodFor, assertClientSecret, CONFIRMABLE } = require("./rules")
const { confirmSetup } = require("./charging")

function setupIntent(p, apm, pm) {
  const id = newId("seti")
  return {
    id,
    object: "setup_intent",
    application: null,
    automatic_payment_methods: apm,
    cancellation_reason: null,
    client_secret: `${id}_secret_${random(25)}`,
    created: now(),
    customer: p.customer ?? null,
    description: p.description ?? null,
    flow_directions: p.flow_directions ?? null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: p.metadata ?? {},
    next_action: null,
    on_behalf_of: p.on_behalf_of ?? null,
    payment_method: pm?.id ?? null,
    payment_method_configuration_details: apm ? { id: "pmc_emulator", parent: null } : null,
    payment_method_options: { card: { mandate_options: null, network: null, request_three_d_secure: "automatic" } },
    payment_method_types: p.payment_method_types ?? ["card"],
    single_use_mandate: null,
    status: pm ? "requires_confirmation" : "requires_payment_method",
    usage: p.usage ?? "off_session",
  }
}

const missingMethod = () => invalid("You cannot confirm this SetupIntent because it's missing a payment method. Update the SetupIntent with a payment method and then confirm it again.", "payment_method")

const create = (ctx, req) => {
  const p = validate(req.params, "setupIntentCreate")
  const apm = automaticPaymentMethods(p)
  checkExpand("setup_intent", p.expand)
  if (p.customer) liveCustomer(ctx, p.customer)
  if (p.confirm) assertReturnUrl({ automatic_payment_methods: apm }, p.return_url, "Setup Intent")
  const pm = methodFor(ctx, p, false, p.customer ?? null)
  if (p.confirm && !pm) throw missingMethod()
  const si = put(ctx.store, setupIntent(p, apm, pm))
  if (p.confirm) confirmSetup(ctx, si, pm, { returnUrl: p.return_url, useStripeSdk: p.use_stripe_sdk })
  return view(ctx.store, si, p.expand)
}

const retrieve = (ctx, req) => {
  const p = validate(req.params, "retrieveIntent", { publishable: req.publishable })
  const si = find(ctx.store, req.id, "setup_intent", "setupintent", "intent")
  assertClientSecret(req, p, si)
  return view(ctx.store, si, p.expand)
}

const confirm = (ctx, req) => {
  const p = validate(req.params, "setupIntentConfirm", { publishable: req.publishable })
  const si = find(ctx.store, req.id, "setup_intent", "setupintent", "intent")
  assertClientSecret(req, p, si)
  checkExpand("setup_intent", p.expand)
  if (!CONFIRMABLE.includes(si.status)) {
    throw unexpectedState(view(ctx.store, si), `You cannot confirm this SetupIntent because it has ${si.status === "succeeded" ? "already succeeded" : `a status of ${si.status}`}.`)
  }
  assertReturnUrl(si, p.return_url, "Setup Intent")
  const pm = methodFor(ctx, p, req.publishable, si.customer) ?? (si.payment_method ? find(ctx.store, si.payment_method, "payment_method", "PaymentMethod") : null)
  if (!pm) throw missingMethod()
  confirmSetup(ctx, si, pm, { returnUrl: p.return_url, useStripeSdk: p.use_stripe_sdk })
  return view(ctx.store, si, p.expand)
}

const routes = [
  ["POST", "/v1/setup_intents", create],
  ["GET", "/v1/setup_intents/:id", retrieve, { publishable: "client_secret" }],
  ["POST", "/v1/setup_intents/:id/confirm", confirm, { publishable: "client_secret" }],
]

module.exports = { routes }

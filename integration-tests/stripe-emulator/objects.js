"use strict"
// The emulator's state and the shapes of Stripe's objects (API version 2024-04-10). Objects are
// stored as Stripe shows them; what Stripe keeps to itself (which test card a method is, whether a
// card was set up for off-session use) sits beside them in `meta`.
const crypto = require("node:crypto")
const { invalid, notFound } = require("./errors")
const { last4Of } = require("./cards")

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
function random(length) {
  const bytes = crypto.randomBytes(length)
  let out = ""
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length]
  return out
}
const newId = (prefix) => `${prefix}_${random(24)}`
const now = () => Math.floor(Date.now() / 1000)
const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)))

function createStore() {
  return { objects: new Map(), meta: new Map(), order: 0 }
}

function put(store, object, meta) {
  store.objects.set(object.id, object)
  if (meta) store.meta.set(object.id, { ...meta, seq: ++store.order })
  else if (!store.meta.has(object.id)) store.meta.set(object.id, { seq: ++store.order })
  return object
}

const metaOf = (store, id) => store.meta.get(id) ?? {}

/** The stored object of a kind, or Stripe's 404 naming it as Stripe does. */
function find(store, id, object, label, param) {
  const found = typeof id === "string" ? store.objects.get(id) : undefined
  if (!found || found.object !== object) throw notFound(label, id, param)
  return found
}

function customer(params) {
  return {
    id: newId("cus"),
    object: "customer",
    address: params.address ? { city: null, country: null, line1: null, line2: null, postal_code: null, state: null, ...params.address } : null,
    balance: 0,
    created: now(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: params.description ?? null,
    discount: null,
    email: params.email ?? null,
    invoice_prefix: random(8).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null, ...(params.invoice_settings ?? {}) },
    livemode: false,
    metadata: params.metadata ?? {},
    name: params.name ?? null,
    phone: params.phone ?? null,
    preferred_locales: params.preferred_locales ?? [],
    shipping: params.shipping ?? null,
    tax_exempt: params.tax_exempt ?? "none",
    test_clock: null,
  }
}

function paymentMethod(card, { exp_month, exp_year, billing_details, metadata, cvc } = {}) {
  const thisYear = new Date().getUTCFullYear()
  return {
    id: newId("pm"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: {
      address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null, ...(billing_details?.address ?? {}) },
      email: billing_details?.email ?? null,
      name: billing_details?.name ?? null,
      phone: billing_details?.phone ?? null,
    },
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: cvc ? "pass" : null },
      country: "US",
      display_brand: card.brand,
      exp_month: exp_month ?? 12,
      exp_year: exp_year ?? thisYear + 3,
      fingerprint: crypto.createHash("sha256").update(card.alias).digest("base64url").slice(0, 16),
      funding: card.funding ?? "credit",
      generated_from: null,
      last4: last4Of(card),
      networks: { available: [card.brand], preferred: null },
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: now(),
    customer: null,
    livemode: false,
    metadata: metadata ?? {},
    type: "card",
  }
}

function charge(intent, paymentMethodId, failure) {
  return {
    id: newId("ch"),
    object: "charge",
    amount: intent.amount,
    amount_captured: 0,
    amount_refunded: 0,
    captured: false,
    created: now(),
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    failure_code: failure ? failure.decline_code ?? failure.code : null,
    failure_message: failure ? failure.message : null,
    livemode: false,
    metadata: intent.metadata,
    outcome: failure
      ? { network_status: "declined_by_network", reason: failure.decline_code ?? failure.code, risk_level: "normal", seller_message: "The bank did not return any further details with this decline.", type: "issuer_declined" }
      : { network_status: "approved_by_network", reason: null, risk_level: "normal", seller_message: "Payment complete.", type: "authorized" },
    paid: !failure,
    payment_intent: intent.id,
    payment_method: paymentMethodId,
    refunded: false,
    status: failure ? "failed" : "succeeded",
  }
}

// Which members of which object `expand[]` can replace by the object they name.
const EXPANDABLE = {
  payment_intent: ["payment_method", "customer", "latest_charge"],
  setup_intent: ["payment_method", "customer"],
  payment_method: ["customer"],
  refund: ["payment_intent", "charge"],
  charge: ["payment_intent", "payment_method", "customer"],
  customer: [],
}

/** Refuses an `expand[]` member Stripe cannot expand on this kind of object; checked before any change. */
function checkExpand(kind, expand = []) {
  for (const member of expand) {
    if (!(EXPANDABLE[kind] ?? []).includes(member)) throw invalid(`This property cannot be expanded (${member}).`, "expand")
  }
}

/** The object as Stripe answers it: a copy, with the members in `expand` replaced by their objects. */
function view(store, object, expand = []) {
  const out = clone(object)
  checkExpand(object.object, expand)
  for (const member of expand) {
    const id = out[member]
    if (typeof id === "string" && store.objects.has(id)) out[member] = clone(store.objects.get(id))
  }
  return out
}

module.exports = { newId, random, now, clone, createStore, put, metaOf, find, customer, paymentMethod, charge, checkExpand, view }

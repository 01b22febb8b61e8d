"use strict"
// Refunds of a captured PaymentIntent, as Medusa's refundPayment makes them.
const { invalid } = require("./errors")
const { put, find, newId, now, checkExpand, view } = require("./objects")
const { validate } = require("./params")

const money = (amount, currency) => `${currency === "usd" ? "$" : ""}${(amount / 100).toFixed(2)}${currency === "usd" ? "" : ` ${currency}`}`

const create = (ctx, req) => {
  const p = validate(req.params, "refundCreate")
  checkExpand("refund", p.expand)
  if (!p.payment_intent && !p.charge) throw invalid("One of the following params should be provided for this request: payment_intent or charge.")
  const ch = p.charge
    ? find(ctx.store, p.charge, "charge", "charge", "charge")
    : ctx.store.objects.get(find(ctx.store, p.payment_intent, "payment_intent", "payment_intent", "payment_intent").latest_charge)
  const pi = ch ? ctx.store.objects.get(ch.payment_intent) : find(ctx.store, p.payment_intent, "payment_intent", "payment_intent")
  if (!ch || pi.status !== "succeeded" || !ch.captured) {
    throw invalid(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, "payment_intent")
  }
  const remaining = ch.amount_captured - ch.amount_refunded
  if (remaining <= 0) throw invalid(`Charge ${ch.id} has already been refunded.`, undefined, { code: "charge_already_refunded" })
  const amount = p.amount ?? remaining
  if (amount < 1) throw invalid("This value must be greater than or equal to 1.", "amount")
  if (amount > remaining) {
    throw invalid(`Refund amount (${money(amount, ch.currency)}) is greater than unrefunded amount on charge (${money(remaining, ch.currency)})`, "amount", { code: "amount_too_large" })
  }
  ch.amount_refunded += amount
  ch.refunded = ch.amount_refunded >= ch.amount_captured
  const refund = put(ctx.store, {
    id: newId("re"),
    object: "refund",
    amount,
    balance_transaction: newId("txn"),
    charge: ch.id,
    created: now(),
    currency: ch.currency,
    destination_details: { card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" }, type: "card" },
    metadata: p.metadata ?? {},
    payment_intent: pi.id,
    reason: p.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  })
  return view(ctx.store, refund, p.expand)
}

const retrieve = (ctx, req) => {
  const p = validate(req.params, "retrieve")
  return view(ctx.store, find(ctx.store, req.id, "refund", "refund"), p.expand)
}

const routes = [
  ["POST", "/v1/refunds", create],
  ["GET", "/v1/refunds/:id", retrieve],
]

module.exports = { routes }

"use strict"
// PaymentMethods: made from a test card number (Stripe.js, publishable key) or from a `pm_card_*`
// alias, which stands for a new PaymentMethod every time it is used, as at Stripe.
const { invalid, cardError, notFound } = require("./errors")
const { DECLINES, cardForAlias, cardForNumber, isAlias } = require("./cards")
const { put, find, metaOf, paymentMethod, view } = require("./objects")
const { validate } = require("./params")

function mint(ctx, card, details) {
  return put(ctx.store, paymentMethod(card, details), { card })
}

/** A PaymentMethod named in a request: an alias mints one, anything else must exist. */
function resolveMethod(ctx, id, param = "payment_method") {
  if (isAlias(id)) {
    const card = cardForAlias(id)
    if (!card) throw notFound("PaymentMethod", id, param)
    return mint(ctx, card)
  }
  return find(ctx.store, id, "payment_method", "PaymentMethod", param)
}

/** `type=card` with `card[number]`… as Stripe.js sends it; only the test cards exist in test mode. */
function fromCardData(ctx, data, publishable) {
  if (data.type !== "card") throw invalid(data.type ? `Invalid payment_method type: ${data.type}; this emulator has cards only` : "Missing required param: type.", "type")
  const details = data.card ?? {}
  if (!details.number) throw invalid("Missing required param: card[number].", "card[number]")
  if (!publishable) {
    throw invalid(
      "Sending credit card numbers directly to the Stripe API is generally unsafe. We suggest you use test tokens that map to the test card you are using, see https://stripe.com/docs/testing.",
      "card[number]"
    )
  }
  const { card, decline } = cardForNumber(details.number)
  if (decline) throw cardError(decline, { param: decline.param ?? "number" })
  const year = details.exp_year !== undefined && details.exp_year < 100 ? 2000 + details.exp_year : details.exp_year
  if (!details.exp_month || details.exp_month < 1 || details.exp_month > 12) throw cardError({ code: "invalid_expiry_month", message: "Your card's expiration month is invalid.", param: "exp_month" })
  if (!year) throw cardError({ code: "invalid_expiry_year", message: "Your card's expiration year is invalid.", param: "exp_year" })
  const today = new Date()
  if (year < today.getUTCFullYear() || (year === today.getUTCFullYear() && details.exp_month < today.getUTCMonth() + 1)) {
    throw cardError(DECLINES.expiry_past)
  }
  return mint(ctx, card, { exp_month: details.exp_month, exp_year: year, cvc: details.cvc, billing_details: data.billing_details, metadata: data.metadata })
}

/** Whether an intent for `customerId` may use the method: Stripe refuses another customer's method. */
function assertUsable(ctx, pm, customerId) {
  if (metaOf(ctx.store, pm.id).consumed) {
    throw invalid(
      "The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, shared with a connected account without Customer attachment, or was detached from a Customer. It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first.",
      "payment_method"
    )
  }
  if (pm.customer && pm.customer !== customerId) {
    throw invalid(
      customerId
        ? "The provided PaymentMethod belongs to a different Customer than the one on this request."
        : "The provided PaymentMethod is attached to a Customer. To use it, you must also pass that Customer in `customer`.",
      "payment_method"
    )
  }
}

/** Attach to a customer; Stripe checks the card with the issuer then, so cards that decline at setup fail here. */
function attach(ctx, pm, customerId) {
  const card = metaOf(ctx.store, pm.id).card
  if (pm.customer === customerId) return pm
  if (pm.customer) throw invalid("The payment method you provided has already been attached to a customer.", "payment_method")
  assertUsable(ctx, pm, customerId)
  if (card?.atSetup) throw cardError(DECLINES[card.decline], { payment_method: view(ctx.store, pm) })
  pm.customer = customerId
  metaOf(ctx.store, pm.id).attachedSeq = ++ctx.store.order
  return pm
}

function liveCustomer(ctx, id, param = "customer") {
  const found = find(ctx.store, id, "customer", "customer", param)
  if (found.deleted) throw notFound("customer", id, param)
  return found
}

const create = (ctx, req) => {
  const params = validate(req.params, "paymentMethodCreate", { publishable: req.publishable })
  return view(ctx.store, fromCardData(ctx, params, req.publishable), params.expand)
}

const retrieve = (ctx, req) => {
  const params = validate(req.params, "retrieve")
  return view(ctx.store, resolveMethod(ctx, req.id, "payment_method"), params.expand)
}

const attachRoute = (ctx, req) => {
  const params = validate(req.params, "attach")
  if (!params.customer) throw invalid("Missing required param: customer.", "customer")
  liveCustomer(ctx, params.customer)
  return view(ctx.store, attach(ctx, resolveMethod(ctx, req.id), params.customer), params.expand)
}

const detach = (ctx, req) => {
  const params = validate(req.params, "detach")
  const pm = resolveMethod(ctx, req.id)
  if (!pm.customer) throw invalid("The payment method you provided is not attached to a customer so detachment is impossible.", "payment_method")
  pm.customer = null
  metaOf(ctx.store, pm.id).consumed = true
  return view(ctx.store, pm, params.expand)
}

const listForCustomer = (ctx, req) => {
  const params = validate(req.params, "listPaymentMethods")
  liveCustomer(ctx, req.id, "customer")
  const limit = params.limit ?? 10
  if (limit < 1 || limit > 100) throw invalid("Invalid limit: must be between 1 and 100", "limit")
  const all = [...ctx.store.objects.values()]
    .filter((o) => o.object === "payment_method" && o.customer === req.id && (!params.type || o.type === params.type))
    .sort((a, b) => metaOf(ctx.store, b.id).attachedSeq - metaOf(ctx.store, a.id).attachedSeq)
  return {
    object: "list",
    data: all.slice(0, limit).map((pm) => view(ctx.store, pm)),
    has_more: all.length > limit,
    url: `/v1/customers/${req.id}/payment_methods`,
  }
}

const routes = [
  ["POST", "/v1/payment_methods", create, { publishable: "create" }],
  ["GET", "/v1/payment_methods/:id", retrieve],
  ["POST", "/v1/payment_methods/:id/attach", attachRoute],
  ["POST", "/v1/payment_methods/:id/detach", detach],
  ["GET", "/v1/customers/:id/payment_methods", listForCustomer],
]

module.exports = { routes, resolveMethod, fromCardData, assertUsable, attach, liveCustomer }

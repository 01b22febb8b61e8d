"use strict"
// What happens when an intent is confirmed with a test card, and when the customer's browser
// finishes 3-D Secure. Shared by PaymentIntents, SetupIntents and the emulator's controls.
// Every change is made before the answer is written, so a fault "after commit" finds it applied.
const { cardError, invalid } = require("./errors")
const { DECLINES } = require("./cards")
const { put, metaOf, charge, newId, view } = require("./objects")

const DOCS = "https://stripe.com/docs/error-codes"

function cardOf(ctx, pm) {
  return metaOf(ctx.store, pm.id).card
}

/** A card's answer to a payment: succeed, decline (with the decline's key), authenticate or processing. */
function paymentOutcome(ctx, pm, offSession) {
  const card = cardOf(ctx, pm)
  if (card.processing) return { kind: "processing" }
  if (card.decline) return { kind: "decline", decline: card.decline }
  if (card.authenticate) {
    if (!offSession) return { kind: "authenticate" }
    if (card.authenticate === "unless_set_up" && metaOf(ctx.store, pm.id).setUp) return { kind: "succeed" }
    return { kind: "decline", decline: card.offSession ?? "authentication_required" }
  }
  return { kind: "succeed" }
}

function nextAction(intent, returnUrl, useStripeSdk) {
  const url = `https://hooks.stripe.com/3d_secure_2/hosted/${intent.id}`
  if (returnUrl && !useStripeSdk) return { type: "redirect_to_url", redirect_to_url: { url, return_url: returnUrl } }
  return { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect", stripe_js: url, source: newId("src") } }
}

const emit = (ctx, type, pi) => ctx.webhooks.emit(type, view(ctx.store, pi), ctx.current)

function attachAfterSuccess(ctx, pm, customerId) {
  if (pm.customer !== customerId) {
    pm.customer = customerId
    metaOf(ctx.store, pm.id).attachedSeq = ++ctx.store.order
  }
  metaOf(ctx.store, pm.id).setUp = true
}

function paymentSucceeded(ctx, pi, pm) {
  const ch = put(ctx.store, charge(pi, pm.id))
  pi.latest_charge = ch.id
  pi.payment_method = pm.id
  pi.next_action = null
  pi.last_payment_error = null
  if (pi.setup_future_usage && pi.customer) attachAfterSuccess(ctx, pm, pi.customer)
  // A method used without being attached to a customer cannot be used again.
  else if (!pm.customer) metaOf(ctx.store, pm.id).consumed = true
  if (pi.capture_method === "manual") {
    pi.status = "requires_capture"
    pi.amount_capturable = pi.amount
    emit(ctx, "payment_intent.amount_capturable_updated", pi)
  } else {
    Object.assign(ch, { captured: true, amount_captured: pi.amount })
    pi.status = "succeeded"
    pi.amount_received = pi.amount
    emit(ctx, "payment_intent.succeeded", pi)
  }
}

/** The decline is recorded on the intent (and a webhook sent); the returned 402 is for a synchronous caller. */
function paymentDeclined(ctx, pi, pm, declineKey) {
  const decline = DECLINES[declineKey]
  const ch = put(ctx.store, charge(pi, pm.id, decline))
  pi.latest_charge = ch.id
  pi.status = "requires_payment_method"
  pi.payment_method = null
  pi.next_action = null
  pi.last_payment_error = {
    type: "card_error",
    charge: ch.id,
    code: decline.code,
    ...(decline.decline_code ? { decline_code: decline.decline_code } : {}),
    doc_url: `${DOCS}/${decline.code.replace(/_/g, "-")}`,
    message: decline.message,
    ...(decline.param ? { param: decline.param } : {}),
    payment_method: view(ctx.store, pm),
  }
  emit(ctx, "payment_intent.payment_failed", pi)
  return cardError(decline, { charge: ch.id, payment_intent: view(ctx.store, pi), payment_method: view(ctx.store, pm) })
}

/** Confirm a PaymentIntent with a method; throws Stripe's 402 on a decline, after recording it. */
function confirmPayment(ctx, pi, pm, { offSession, returnUrl, useStripeSdk, errorOnRequiresAction }) {
  metaOf(ctx.store, pi.id).offSession = offSession
  pi.payment_method = pm.id
  pi.last_payment_error = null
  const outcome = paymentOutcome(ctx, pm, offSession)
  if (outcome.kind === "succeed") return paymentSucceeded(ctx, pi, pm)
  if (outcome.kind === "decline") throw paymentDeclined(ctx, pi, pm, outcome.decline)
  if (outcome.kind === "processing") {
    pi.status = "processing"
    pi.next_action = null
    return emit(ctx, "payment_intent.processing", pi)
  }
  if (errorOnRequiresAction) throw paymentDeclined(ctx, pi, pm, "authentication_required")
  pi.status = "requires_action"
  pi.next_action = nextAction(pi, returnUrl, useStripeSdk)
  emit(ctx, "payment_intent.requires_action", pi)
}

function setupSucceeded(ctx, si, pm) {
  si.status = "succeeded"
  si.payment_method = pm.id
  si.next_action = null
  si.last_setup_error = null
  if (si.customer) attachAfterSuccess(ctx, pm, si.customer)
  if (si.usage !== "off_session") metaOf(ctx.store, pm.id).setUp = false
}

/** Confirm a SetupIntent: cards that decline at setup answer 402; 3-D Secure cards wait for the customer. */
function confirmSetup(ctx, si, pm, { returnUrl, useStripeSdk }) {
  const card = cardOf(ctx, pm)
  si.payment_method = pm.id
  si.last_setup_error = null
  if (card.decline && card.atSetup) {
    const decline = DECLINES[card.decline]
    si.status = "requires_payment_method"
    si.payment_method = null
    si.next_action = null
    si.last_setup_error = { type: "card_error", code: decline.code, decline_code: decline.decline_code, doc_url: `${DOCS}/${decline.code.replace(/_/g, "-")}`, message: decline.message, payment_method: view(ctx.store, pm) }
    throw cardError(decline, { setup_intent: view(ctx.store, si), payment_method: view(ctx.store, pm) })
  }
  if (card.authenticate) {
    si.status = "requires_action"
    si.next_action = nextAction(si, returnUrl, useStripeSdk)
    return
  }
  setupSucceeded(ctx, si, pm)
}

function authenticationFailure(object, pm, store) {
  const setup = object.object === "setup_intent"
  return {
    type: "invalid_request_error",
    code: setup ? "setup_intent_authentication_failure" : "payment_intent_authentication_failure",
    doc_url: `${DOCS}/${setup ? "setup-intent" : "payment-intent"}-authentication-failure`,
    message: setup
      ? "The latest attempt to set up the payment method has failed because authentication failed."
      : "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.",
    payment_method: view(store, pm),
  }
}

/** What the 3-D Secure page does when the customer completes it (`succeed`) or fails/cancels it (`fail`). */
function authenticate(ctx, object, outcome) {
  if (object.status !== "requires_action") throw invalid(`${object.id} does not wait for authentication (status ${object.status})`)
  const pm = ctx.store.objects.get(object.payment_method)
  if (object.object === "setup_intent") {
    if (outcome === "succeed") return setupSucceeded(ctx, object, pm)
    Object.assign(object, { status: "requires_payment_method", payment_method: null, next_action: null, last_setup_error: authenticationFailure(object, pm, ctx.store) })
    return
  }
  if (outcome === "succeed") {
    const after = cardOf(ctx, pm).afterAuthentication
    if (after) return void paymentDeclined(ctx, object, pm, after)
    return paymentSucceeded(ctx, object, pm)
  }
  Object.assign(object, { status: "requires_payment_method", payment_method: null, next_action: null, last_payment_error: authenticationFailure(object, pm, ctx.store) })
  emit(ctx, "payment_intent.payment_failed", object)
}

/** Ends a `processing` payment: `succeed`, or `fail` as a generic decline. */
function settle(ctx, pi, outcome) {
  if (pi.object !== "payment_intent" || pi.status !== "processing") throw invalid(`${pi.id} is not processing (status ${pi.status})`)
  const pm = ctx.store.objects.get(pi.payment_method)
  if (outcome === "succeed") return paymentSucceeded(ctx, pi, pm)
  paymentDeclined(ctx, pi, pm, "generic_decline")
}

module.exports = { confirmPayment, confirmSetup, authenticate, settle, emit }

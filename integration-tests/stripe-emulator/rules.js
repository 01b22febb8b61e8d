"use strict"
// Rules PaymentIntents and SetupIntents share: automatic payment methods and the return_url they
// require, which method an intent may use, and what a publishable key may see.
const { invalid, unauthorized } = require("./errors")
const { resolveMethod, fromCardData, assertUsable } = require("./payment-methods")

/**
 * API version 2023-08-16 and later turn automatic payment methods on, allowing redirects, when the
 * caller names no payment_method_types; the two parameters exclude each other.
 */
function automaticPaymentMethods(params) {
  const apm = params.automatic_payment_methods
  if (apm && params.payment_method_types) {
    throw invalid("You may only specify one of these parameters: automatic_payment_methods, payment_method_types.", "automatic_payment_methods")
  }
  if (apm) {
    if (apm.enabled === undefined) throw invalid("Missing required param: automatic_payment_methods[enabled].", "automatic_payment_methods[enabled]")
    if (!apm.enabled) return null
    return { allow_redirects: apm.allow_redirects ?? "always", enabled: true }
  }
  return params.payment_method_types ? null : { allow_redirects: "always", enabled: true }
}

/** Confirming while redirect-based methods are allowed needs a return_url, even for a card. */
function assertReturnUrl(intent, returnUrl, label) {
  const apm = intent.automatic_payment_methods
  if (!apm?.enabled || apm.allow_redirects === "never" || returnUrl) return
  throw invalid(
    `A \`return_url\` must be specified because this ${label} is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set \`automatic_payment_methods[enabled]\` to \`true\` and \`automatic_payment_methods[allow_redirects]\` to \`never\` when creating Setup Intents and Payment Intents.`,
    "return_url"
  )
}

/** The method a request names (`payment_method` or `payment_method_data`), checked against the intent's customer. */
function methodFor(ctx, params, publishable, customerId) {
  if (params.payment_method && params.payment_method_data) {
    throw invalid("You may only specify one of these parameters: payment_method, payment_method_data.", "payment_method_data")
  }
  const pm = params.payment_method ? resolveMethod(ctx, params.payment_method) : params.payment_method_data ? fromCardData(ctx, params.payment_method_data, publishable) : null
  if (pm) assertUsable(ctx, pm, customerId)
  return pm
}

/** A publishable key reaches an intent only with that intent's client secret. */
function assertClientSecret(req, params, intent) {
  if (!req.publishable) return
  if (!params.client_secret) {
    throw unauthorized("This API call cannot be made with a publishable API key without the intent's client_secret.")
  }
  if (params.client_secret !== intent.client_secret) {
    const kind = intent.object === "setup_intent" ? "SetupIntent" : "PaymentIntent"
    throw invalid(`The client_secret provided does not match the client_secret associated with the ${kind}.`, "client_secret")
  }
}

const CONFIRMABLE = ["requires_payment_method", "requires_confirmation", "requires_action"]

module.exports = { automaticPaymentMethods, assertReturnUrl, methodFor, assertClientSecret, CONFIRMABLE }

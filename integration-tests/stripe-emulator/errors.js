"use strict"
// Stripe's error answers: the `type` and the HTTP status decide which error class stripe-node
// raises (card_error/402 → StripeCardError, invalid_request_error/400·404 → StripeInvalidRequestError,
// api_error/500 → StripeAPIError, 429 → StripeRateLimitError), and Medusa's provider branches on that class.

class StripeFailure extends Error {
  /**
   * @param {number} status HTTP status
   * @param {object} error the `error` member of Stripe's answer
   * @param {{ saved?: boolean }} [opts] whether an idempotency key stores this answer
   */
  constructor(status, error, opts = {}) {
    super(error.message)
    this.status = status
    this.error = error
    // Stripe stores an answer under an idempotency key once the endpoint began executing;
    // a refusal of the parameters is not stored, so the same key can be sent again, corrected.
    this.saved = opts.saved ?? (status === 402 || status >= 500)
  }
}

const DOCS = "https://stripe.com/docs/error-codes"

function invalid(message, param, extra = {}) {
  return new StripeFailure(400, { type: "invalid_request_error", message, ...(param ? { param } : {}), ...extra })
}

function missing(param) {
  return invalid(`Missing required param: ${param}.`, param, { code: "parameter_missing", doc_url: `${DOCS}/parameter-missing` })
}

function unknownParameter(param) {
  return invalid(`Received unknown parameter: ${param}`, param, { code: "parameter_unknown", doc_url: `${DOCS}/parameter-unknown` })
}

/** `kind` as Stripe names it in the sentence: "customer", "payment_intent", "PaymentMethod", "setupintent". */
function notFound(kind, id, param = "id") {
  return new StripeFailure(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    doc_url: `${DOCS}/resource-missing`,
    message: `No such ${kind}: '${id}'`,
    param,
  })
}

/** An intent in a state that does not allow the call; the intent rides along, as Stripe sends it. */
function unexpectedState(object, message) {
  const member = object.object === "setup_intent" ? "setup_intent" : "payment_intent"
  const code = `${member}_unexpected_state`
  return new StripeFailure(400, { type: "invalid_request_error", code, doc_url: `${DOCS}/${code.replace(/_/g, "-")}`, message, [member]: object }, { saved: true })
}

/** A decline: 402 card_error with the decline's code, its sentence and whatever object it concerns. */
function cardError(decline, extra = {}) {
  const error = { type: "card_error", code: decline.code, doc_url: `${DOCS}/${decline.code.replace(/_/g, "-")}`, message: decline.message, ...extra }
  if (decline.decline_code) error.decline_code = decline.decline_code
  if (decline.param) error.param = decline.param
  return new StripeFailure(402, error)
}

function apiError() {
  return new StripeFailure(500, { type: "api_error", message: "An unknown error occurred" })
}

function rateLimited() {
  return new StripeFailure(429, {
    type: "invalid_request_error",
    code: "rate_limit",
    doc_url: `${DOCS}/rate-limit`,
    message: "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.",
  }, { saved: false })
}

function unauthorized(message) {
  return new StripeFailure(401, { type: "invalid_request_error", message })
}

function idempotencyMismatch(key) {
  return new StripeFailure(400, {
    type: "idempotency_error",
    message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
  }, { saved: false })
}

module.exports = {
  StripeFailure,
  invalid,
  missing,
  unknownParameter,
  notFound,
  unexpectedState,
  cardError,
  apiError,
  rateLimited,
  unauthorized,
  idempotencyMismatch,
}

"use strict"
// Strict parameter schemas, as Stripe checks them: a name Stripe does not know for the endpoint is
// refused with 400 "Received unknown parameter: X" before anything happens (this is what catches a
// caller sending `payment_method_id` to SetupIntents). Only the parameters of the endpoints the
// provider and Stripe.js use are listed; an empty string unsets a value, as at Stripe.
const { invalid, unknownParameter } = require("./errors")

const string = { kind: "string" }
const int = { kind: "int" }
const bool = { kind: "bool" }
const map = { kind: "map" } // metadata: string values
const any = { kind: "any" } // accepted as sent (payment_method_options, shipping, …)
const list = (item) => ({ kind: "list", item })
const oneOf = (...values) => ({ kind: "enum", values })
const boolOr = (...values) => ({ kind: "boolOr", values })
const hash = (fields) => ({ kind: "hash", fields })

const address = hash({ city: string, country: string, line1: string, line2: string, postal_code: string, state: string })
const expand = list(string)
const billingDetails = hash({ address, email: string, name: string, phone: string })
const cardFields = hash({ number: string, exp_month: int, exp_year: int, cvc: string, token: string })
const paymentMethodData = hash({ type: string, card: cardFields, billing_details: billingDetails, metadata: map, allow_redisplay: string })
const automaticPaymentMethods = hash({ enabled: bool, allow_redirects: oneOf("always", "never") })

const customer = {
  address, description: string, email: string, metadata: map, name: string, phone: string, shipping: any, invoice_settings: any, preferred_locales: list(string), tax_exempt: string, expand,
}

const paymentMethodCreate = { type: string, card: cardFields, billing_details: billingDetails, metadata: map, allow_redisplay: string, expand }

const setupIntentCreate = {
  customer: string, usage: oneOf("off_session", "on_session"), payment_method_types: list(string), payment_method: string,
  payment_method_data: paymentMethodData, payment_method_options: any, payment_method_configuration: string, confirm: bool,
  automatic_payment_methods: automaticPaymentMethods, return_url: string, metadata: map, description: string,
  mandate_data: any, on_behalf_of: string, single_use: any, attach_to_self: bool, flow_directions: list(string),
  use_stripe_sdk: bool, expand,
}
const setupIntentConfirm = {
  payment_method: string, payment_method_data: paymentMethodData, payment_method_options: any, return_url: string,
  mandate_data: any, use_stripe_sdk: bool, expand,
}

const captureMethod = oneOf("automatic", "automatic_async", "manual")
const futureUsage = oneOf("off_session", "on_session")
const paymentIntentCreate = {
  amount: int, currency: string, customer: string, description: string, metadata: map, payment_method: string,
  payment_method_types: list(string), payment_method_data: paymentMethodData, payment_method_options: any,
  payment_method_configuration: string, automatic_payment_methods: automaticPaymentMethods, capture_method: captureMethod,
  confirmation_method: oneOf("automatic", "manual"), confirm: bool, off_session: boolOr("one_off", "recurring"),
  return_url: string, setup_future_usage: futureUsage, error_on_requires_action: bool, mandate_data: any,
  receipt_email: string, shipping: any, statement_descriptor: string, statement_descriptor_suffix: string,
  on_behalf_of: string, application_fee_amount: int, transfer_data: any, transfer_group: string, use_stripe_sdk: bool, expand,
}
const paymentIntentUpdate = {
  amount: int, currency: string, customer: string, description: string, metadata: map, payment_method: string,
  payment_method_types: list(string), payment_method_data: paymentMethodData, payment_method_options: any,
  capture_method: captureMethod, setup_future_usage: futureUsage, receipt_email: string, shipping: any,
  statement_descriptor: string, statement_descriptor_suffix: string, transfer_group: string, expand,
}
const paymentIntentConfirm = {
  payment_method: string, payment_method_data: paymentMethodData, payment_method_options: any, payment_method_types: list(string),
  return_url: string, off_session: boolOr("one_off", "recurring"), setup_future_usage: futureUsage, capture_method: captureMethod,
  error_on_requires_action: bool, mandate_data: any, receipt_email: string, shipping: any, use_stripe_sdk: bool, expand,
}

const SCHEMAS = {
  customerCreate: customer,
  customerUpdate: customer,
  retrieve: { expand },
  retrieveIntent: { expand, client_secret: string },
  listPaymentMethods: { limit: int, type: string, starting_after: string, ending_before: string, allow_redisplay: string, expand },
  paymentMethodCreate,
  attach: { customer: string, expand },
  detach: { expand },
  setupIntentCreate,
  setupIntentConfirm,
  paymentIntentCreate,
  paymentIntentUpdate,
  paymentIntentConfirm,
  capture: { amount_to_capture: int, metadata: map, statement_descriptor: string, statement_descriptor_suffix: string, expand },
  cancel: { cancellation_reason: oneOf("duplicate", "fraudulent", "requested_by_customer", "abandoned"), expand },
  refundCreate: {
    amount: int, payment_intent: string, charge: string, reason: oneOf("duplicate", "fraudulent", "requested_by_customer"),
    metadata: map, refund_application_fee: bool, reverse_transfer: bool, instructions_email: string, expand,
  },
  none: {},
}

// What Stripe.js adds to the requests it makes with a publishable key: the key, the client secret
// and its own bookkeeping. Accepted only on publishable-key requests.
const BROWSER = {
  key: string, client_secret: string, _stripe_version: string, _stripe_account: string, payment_user_agent: string,
  time_on_page: string, guid: string, muid: string, sid: string, referrer: string, expected_payment_method_type: string,
  client_attribution_metadata: any, use_stripe_sdk: bool,
}

const name = (path) => path[0] + path.slice(1).map((p) => `[${p}]`).join("")

function check(value, type, path) {
  const here = name(path)
  if (type.kind === "any") return value
  if (value === "" && type.kind !== "string") return type.kind === "map" ? {} : null
  switch (type.kind) {
    case "string":
      if (typeof value !== "string") throw invalid(`Invalid string: ${here} must be a string`, here)
      return value === "" ? null : value
    case "int":
      if (typeof value !== "string" || !/^-?\d+$/.test(value)) throw invalid(`Invalid integer: ${typeof value === "string" ? value : here}`, here)
      return Number(value)
    case "bool":
      if (value !== "true" && value !== "false") throw invalid(`Invalid boolean: ${typeof value === "string" ? value : here}`, here)
      return value === "true"
    case "boolOr":
      if (value === "true" || value === "false") return value === "true"
      if (!type.values.includes(value)) throw invalid(`Invalid ${here}: must be a boolean or one of ${type.values.join(", ")}`, here)
      return value
    case "enum":
      if (!type.values.includes(value)) throw invalid(`Invalid ${here}: must be one of ${type.values.join(", ")}`, here)
      return value
    case "map": {
      if (typeof value !== "object" || Array.isArray(value)) throw invalid(`Invalid object: ${here}`, here)
      const out = {}
      for (const k of Object.keys(value)) {
        if (typeof value[k] !== "string") throw invalid(`Invalid value for ${here}[${k}]: metadata values must be strings`, `${here}[${k}]`)
        if (value[k] !== "") out[k] = value[k]
      }
      return out
    }
    case "list":
      if (!Array.isArray(value)) throw invalid(`Invalid array: ${here}`, here)
      return value.map((v, i) => check(v, type.item, [...path, String(i)]))
    case "hash":
      if (typeof value !== "object" || Array.isArray(value)) throw invalid(`Invalid object: ${here}`, here)
      return fields(value, type.fields, path)
  }
  throw new Error(`unknown parameter type ${type.kind}`)
}

function fields(params, schema, path) {
  const out = {}
  for (const key of Object.keys(params)) {
    const type = Object.prototype.hasOwnProperty.call(schema, key) ? schema[key] : undefined
    if (!type) throw unknownParameter(name([...path, key]))
    const v = check(params[key], type, [...path, key])
    if (v !== null && v !== undefined) out[key] = v
  }
  return out
}

/** Params of one endpoint, typed; throws Stripe's 400 for any parameter the endpoint does not take. */
function validate(params, schemaName, { publishable = false } = {}) {
  const schema = SCHEMAS[schemaName]
  if (!schema) throw new Error(`no parameter schema ${schemaName}`)
  return fields(params, publishable ? { ...BROWSER, ...schema } : schema, [])
}

module.exports = { validate }

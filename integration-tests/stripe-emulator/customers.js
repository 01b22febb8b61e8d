"use strict"
// Customers: Medusa's account holders (`cus_…`).
const { put, find, metaOf, customer, view } = require("./objects")
const { validate } = require("./params")
const { liveCustomer } = require("./payment-methods")

const create = (ctx, req) => {
  const params = validate(req.params, "customerCreate")
  return view(ctx.store, put(ctx.store, customer(params)), params.expand)
}

const retrieve = (ctx, req) => {
  const params = validate(req.params, "retrieve")
  // A deleted customer is still found, as `{ id, deleted: true }`.
  return view(ctx.store, find(ctx.store, req.id, "customer", "customer"), params.expand)
}

const update = (ctx, req) => {
  const params = validate(req.params, "customerUpdate")
  const found = liveCustomer(ctx, req.id, "id")
  const { expand, metadata, address, invoice_settings, ...rest } = params
  Object.assign(found, rest)
  if (metadata) found.metadata = Object.keys(metadata).length ? { ...found.metadata, ...metadata } : {}
  if (address) found.address = { ...(found.address ?? {}), ...address }
  if (invoice_settings) found.invoice_settings = { ...found.invoice_settings, ...invoice_settings }
  return view(ctx.store, found, expand)
}

const remove = (ctx, req) => {
  validate(req.params, "none")
  liveCustomer(ctx, req.id, "id")
  // Its methods are detached with it, and cannot be used again.
  for (const o of ctx.store.objects.values()) {
    if (o.object === "payment_method" && o.customer === req.id) {
      o.customer = null
      metaOf(ctx.store, o.id).consumed = true
    }
  }
  const tombstone = { id: req.id, object: "customer", deleted: true }
  ctx.store.objects.set(req.id, tombstone)
  return tombstone
}

const routes = [
  ["POST", "/v1/customers", create],
  ["GET", "/v1/customers/:id", retrieve],
  ["POST", "/v1/customers/:id", update],
  ["DELETE", "/v1/customers/:id", remove],
]

module.exports = { routes }

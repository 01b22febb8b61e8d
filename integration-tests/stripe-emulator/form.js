"use strict"
// Stripe's form encoding, as stripe-node (qs) and Stripe.js write it: `metadata[session_id]=s`,
// `expand[0]=payment_method`, `expand[]=customer`, `automatic_payment_methods[enabled]=true`.
// Values stay strings; the parameter schemas (params.js) give them their types.
const { invalid } = require("./errors")

function decode(text) {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "))
  } catch {
    throw invalid(`Invalid URL encoding: ${text}`)
  }
}

/** `a[b][0]` → ["a", "b", "0"]; `a[]` → ["a", ""]. */
function keyPath(key) {
  const open = key.indexOf("[")
  if (open <= 0) return [key]
  const path = [key.slice(0, open)]
  const rest = key.slice(open)
  const re = /\[([^\]]*)\]/g
  let consumed = 0
  let m
  while ((m = re.exec(rest))) {
    if (m.index !== consumed) break
    path.push(m[1])
    consumed = re.lastIndex
  }
  if (consumed !== rest.length) throw invalid(`Invalid parameter name: ${key}`, key)
  return path
}

// Nodes are prototype-less, so a key such as `__proto__` is only an unknown parameter.
const node = () => Object.create(null)

function place(root, path, value, key) {
  let here = root
  for (let i = 0; i < path.length - 1; i++) {
    const name = path[i] === "" ? String(Object.keys(here).length) : path[i]
    if (here[name] === undefined) here[name] = node()
    else if (typeof here[name] !== "object") throw invalid(`Invalid parameter: ${key} mixes a value and a hash`, key)
    here = here[name]
  }
  const last = path[path.length - 1] === "" ? String(Object.keys(here).length) : path[path.length - 1]
  if (typeof here[last] === "object") throw invalid(`Invalid parameter: ${key} mixes a value and a hash`, key)
  here[last] = value
}

/** Hashes whose keys are all indices become lists, in index order. */
function listify(value) {
  if (value === null || typeof value !== "object") return value
  const keys = Object.keys(value)
  if (keys.length && keys.every((k) => /^\d+$/.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => listify(value[k]))
  }
  const out = node()
  for (const k of keys) out[k] = listify(value[k])
  return out
}

/** A form body or a query string → nested params (string leaves, hashes, lists). */
function parseForm(text) {
  const root = node()
  if (!text) return root
  for (const pair of text.split("&")) {
    if (!pair) continue
    const eq = pair.indexOf("=")
    const key = decode(eq < 0 ? pair : pair.slice(0, eq))
    const value = eq < 0 ? "" : decode(pair.slice(eq + 1))
    place(root, keyPath(key), value, key)
  }
  return listify(root)
}

/** One text for equal params whatever the key order: the idempotency fingerprint. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`
  }
  return JSON.stringify(value)
}

/** A prototype-less tree → plain objects, for the request log and JSON answers. */
function plain(value) {
  if (Array.isArray(value)) return value.map(plain)
  if (value && typeof value === "object") {
    const out = {}
    for (const k of Object.keys(value)) Object.defineProperty(out, k, { value: plain(value[k]), enumerable: true, writable: true })
    return out
  }
  return value
}

module.exports = { parseForm, canonical, plain }

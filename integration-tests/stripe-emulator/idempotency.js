"use strict"
// Idempotency keys, as Stripe keeps them: the first answer for a key is stored with the request's
// fingerprint; the same key and request replay it (`Idempotent-Replayed: true`), the same key with
// another request is a 400 idempotency_error. Keys are kept for the emulator's life (Stripe: 24 h).
const { canonical } = require("./form")

function createIdempotency() {
  let entries = new Map()
  return {
    fingerprint: (method, path, params) => `${method} ${path} ${canonical(params)}`,
    /** `{ replay }` with the stored answer, `{ mismatch: true }`, or null for a new key. */
    lookup(key, fingerprint) {
      const entry = entries.get(key)
      if (!entry) return null
      return entry.fingerprint === fingerprint ? { replay: entry } : { mismatch: true }
    },
    save(key, fingerprint, answer) {
      entries.set(key, { fingerprint, ...answer })
    },
    clear() {
      entries = new Map()
    },
  }
}

module.exports = { createIdempotency }

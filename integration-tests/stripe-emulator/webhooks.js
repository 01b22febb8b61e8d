"use strict"
// Events and their signed delivery to the merchant's endpoint, as Stripe sends them: a JSON event,
// `Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<payload>" with the endpoint secret>`.
// Delivery is automatic after `delayMs` (none when null) or on flush; a delivery that does not get a
// 2xx stays pending and is tried again on the next flush.
const crypto = require("node:crypto")
const http = require("node:http")
const https = require("node:https")
const { newId, now, clone } = require("./objects")

const API_VERSION = "2024-04-10"

function signatureHeader(payload, secret, timestamp = now()) {
  const v1 = crypto.createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex")
  return `t=${timestamp},v1=${v1}`
}

function post(url, payload, headers) {
  return new Promise((resolve) => {
    const target = new URL(url)
    const client = target.protocol === "https:" ? https : http
    const req = client.request(target, { method: "POST", agent: false, timeout: 10_000, headers: { ...headers, "Content-Length": Buffer.byteLength(payload) } }, (res) => {
      res.resume()
      res.on("end", () => resolve({ status: res.statusCode }))
    })
    req.on("timeout", () => req.destroy(new Error("timed out")))
    req.on("error", (error) => resolve({ status: null, error: error.message }))
    req.end(payload)
  })
}

function createWebhooks({ url = null, secret = "whsec_emulator", delayMs = 100 } = {}) {
  const config = { url, secret, delayMs }
  let events = []
  let timer = null
  let chain = Promise.resolve()

  function schedule() {
    if (!config.url || config.delayMs === null || config.delayMs === undefined || timer) return
    timer = setTimeout(() => {
      timer = null
      flush()
    }, config.delayMs)
    timer.unref?.()
  }

  async function deliver(record) {
    const payload = JSON.stringify(record.event, null, 2)
    const headers = { "Content-Type": "application/json; charset=utf-8", "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)", "Stripe-Signature": signatureHeader(payload, config.secret) }
    const result = await post(config.url, payload, headers)
    record.attempts.push({ at: new Date().toISOString(), url: config.url, ...result })
    record.delivered = result.status !== null && result.status >= 200 && result.status < 300
  }

  /** Delivers every pending event, oldest first; resolves with the events tried. */
  function flush() {
    chain = chain.then(async () => {
      const pending = events.filter((e) => !e.delivered)
      if (!config.url) return pending.map(summary)
      for (const record of pending) await deliver(record)
      return pending.map(summary)
    })
    return chain
  }

  const summary = (r) => ({ id: r.event.id, type: r.event.type, object_id: r.event.data.object.id, delivered: r.delivered, attempts: r.attempts })

  return {
    /** Records an event about `object` (a snapshot, taken now) and schedules its delivery. */
    emit(type, object, request) {
      const event = {
        id: newId("evt"),
        object: "event",
        api_version: API_VERSION,
        created: now(),
        data: { object: clone(object) },
        livemode: false,
        pending_webhooks: config.url ? 1 : 0,
        request: { id: request?.id ?? null, idempotency_key: request?.idempotencyKey ?? null },
        type,
      }
      events.push({ event, delivered: false, attempts: [] })
      schedule()
      return event
    },
    flush,
    configure(next) {
      if ("url" in next) config.url = next.url ?? null
      if (next.secret) config.secret = next.secret
      if ("delayMs" in next) config.delayMs = next.delayMs
      schedule()
      return { ...config }
    },
    config: () => ({ ...config }),
    list: () => events.map((r) => ({ ...summary(r), event: r.event })),
    /** A signed copy of a recorded event: what its delivery carries. */
    signed(eventId, secret = config.secret) {
      const record = events.find((r) => r.event.id === eventId)
      if (!record) return null
      const payload = JSON.stringify(record.event, null, 2)
      return { payload, signature: signatureHeader(payload, secret) }
    },
    reset() {
      clearTimeout(timer)
      timer = null
      events = []
    },
    close() {
      clearTimeout(timer)
      timer = null
      return chain
    },
  }
}

module.exports = { createWebhooks, signatureHeader, API_VERSION }

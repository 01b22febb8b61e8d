"use strict"
// The emulator's own routes under /_emulator/ (not Stripe's), for tests: what the customer's
// browser does at 3-D Secure, settling a processing payment, faults, webhooks, reset, and reading
// the request log and the stored objects. Bodies are JSON or form-encoded.
const { parseForm, plain } = require("./form")
const { createStore, view } = require("./objects")
const { authenticate, settle } = require("./charging")

class ControlError extends Error {
  constructor(status, message) {
    super(message)
    this.status = status
  }
}

function createControls(ctx) {
  const stored = (id) => {
    const object = ctx.store.objects.get(id)
    if (!object) throw new ControlError(404, `No object ${id}`)
    return object
  }
  const outcomeOf = (outcome) => {
    if (outcome !== "succeed" && outcome !== "fail") throw new ControlError(400, 'outcome must be "succeed" or "fail"')
    return outcome
  }
  const asControl = (fn) => {
    try {
      return fn()
    } catch (error) {
      throw error instanceof ControlError ? error : new ControlError(400, error instanceof Error ? error.message : String(error))
    }
  }

  const ops = {
    /** Completes (`succeed`) or fails 3-D Secure for a PaymentIntent or SetupIntent waiting for it. */
    authenticate(id, outcome = "succeed") {
      const intent = stored(id)
      asControl(() => authenticate(ctx, intent, outcomeOf(outcome)))
      return view(ctx.store, intent)
    },
    /** Ends a payment left `processing` by pm_card_emulator_processing. */
    settle(id, outcome = "succeed") {
      const intent = stored(id)
      asControl(() => settle(ctx, intent, outcomeOf(outcome)))
      return view(ctx.store, intent)
    },
    fault: (spec) => asControl(() => ctx.faults.add(spec)),
    faults: () => ctx.faults.list(),
    clearFaults: () => ctx.faults.clear(),
    /** The API requests received, oldest first; `method` and `path` (with `*` segments) narrow them. */
    requests({ method, path } = {}) {
      const segments = path ? path.split("/") : null
      return ctx.log.filter((r) => {
        if (method && r.method !== method.toUpperCase()) return false
        if (!segments) return true
        const got = r.path.split("/")
        return got.length === segments.length && segments.every((s, i) => s === "*" || s === got[i])
      })
    },
    object: (id) => view(ctx.store, stored(id)),
    webhooks: () => ctx.webhooks.list(),
    flushWebhooks: () => ctx.webhooks.flush(),
    configureWebhooks: (config) => ctx.webhooks.configure(config),
    signedEvent: (id, secret) => ctx.webhooks.signed(id, secret),
    /** Forgets every object, request, key, fault and event; the webhook endpoint stays configured. */
    reset() {
      ctx.store = createStore()
      ctx.log.length = 0
      ctx.idempotency.clear()
      ctx.faults.clear()
      ctx.webhooks.reset()
    },
  }

  const routes = [
    ["POST", /^\/_emulator\/reset$/, () => (ops.reset(), { reset: true })],
    ["GET", /^\/_emulator\/requests$/, (m, body, url) => ({ data: ops.requests({ method: url.searchParams.get("method"), path: url.searchParams.get("path") }) })],
    ["GET", /^\/_emulator\/objects\/([^/]+)$/, (m) => ops.object(m[1])],
    ["POST", /^\/_emulator\/intents\/([^/]+)\/authenticate$/, (m, body) => ops.authenticate(m[1], body.outcome ?? "succeed")],
    ["POST", /^\/_emulator\/intents\/([^/]+)\/settle$/, (m, body) => ops.settle(m[1], body.outcome ?? "succeed")],
    ["POST", /^\/_emulator\/faults$/, (m, body) => ops.fault(body)],
    ["GET", /^\/_emulator\/faults$/, () => ({ data: ops.faults() })],
    ["DELETE", /^\/_emulator\/faults$/, () => (ops.clearFaults(), { data: [] })],
    ["GET", /^\/_emulator\/webhooks$/, () => ({ config: ctx.webhooks.config(), data: ops.webhooks() })],
    ["POST", /^\/_emulator\/webhooks\/flush$/, async () => ({ data: await ops.flushWebhooks() })],
    ["POST", /^\/_emulator\/webhooks\/config$/, (m, body) => ops.configureWebhooks({
      ...("url" in body ? { url: body.url || null } : {}),
      ...(body.secret ? { secret: body.secret } : {}),
      ...("delay_ms" in body ? { delayMs: body.delay_ms === null || body.delay_ms === "" ? null : Number(body.delay_ms) } : {}),
    })],
  ]

  async function handle(req, res, url, text) {
    const reply = (status, body) => {
      const out = JSON.stringify(body, null, 2)
      res.writeHead(status, { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*" }).end(out)
    }
    try {
      const json = (req.headers["content-type"] ?? "").includes("json")
      const body = text ? (json ? JSON.parse(text) : plain(parseForm(text))) : {}
      for (const [method, regex, fn] of routes) {
        const m = req.method === method && regex.exec(url.pathname)
        if (m) return reply(200, await fn(m, body, url))
      }
      reply(404, { error: { message: `No emulator control ${req.method} ${url.pathname}` } })
    } catch (error) {
      reply(error instanceof ControlError ? error.status : 400, { error: { message: error instanceof Error ? error.message : String(error) } })
    }
  }

  return { ops, handle }
}

module.exports = { createControls }

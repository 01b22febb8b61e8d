"use strict"
// The HTTP side: Stripe's transport rules (keys, form bodies, idempotency, Request-Id, error shape),
// the faults a test asked for, and the request log. Endpoints live in their own files.
const http = require("node:http")
const { StripeFailure, apiError, rateLimited, unauthorized, invalid, idempotencyMismatch } = require("./errors")
const { parseForm, plain } = require("./form")
const { random } = require("./objects")

const ROUTES = [
  ...require("./customers").routes,
  ...require("./payment-methods").routes,
  ...require("./setup-intents").routes,
  ...require("./payment-intents").routes,
  ...require("./refunds").routes,
].map(([method, pattern, handler, options = {}]) => ({
  method,
  pattern,
  regex: new RegExp(`^${pattern.replace(/:id/g, "([^/]+)")}$`),
  handler,
  publishable: options.publishable ?? null,
}))

function route(method, path) {
  for (const r of ROUTES) {
    const m = r.method === method && r.regex.exec(path)
    if (m) return { ...r, id: m[1] ? decodeURIComponent(m[1]) : undefined }
  }
  return null
}

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "Authorization, Content-Type, Idempotency-Key, Stripe-Version, Stripe-Account",
  "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
  "Access-Control-Expose-Headers": "Request-Id, Idempotent-Replayed, Original-Request, Stripe-Version",
}

function send(res, status, body, headers = {}) {
  const text = JSON.stringify(body, null, 2)
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text), ...CORS, ...headers })
  res.end(text)
}

function readBody(req, limit = 1 << 20) {
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    req.on("data", (chunk) => {
      size += chunk.length
      if (size > limit) reject(invalid("The request body is too large."))
      else chunks.push(chunk)
    })
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })
}

/** The API key: `Authorization: Bearer …` (stripe-node), Basic `key:` (curl -u), or `key=` (Stripe.js). */
function apiKey(req, params) {
  const header = req.headers.authorization ?? ""
  if (header.startsWith("Bearer ")) return header.slice(7).trim()
  if (header.startsWith("Basic ")) return Buffer.from(header.slice(6), "base64").toString("utf8").split(":")[0]
  return typeof params.key === "string" ? params.key : null
}

function keyType(ctx, key) {
  if (!key) {
    throw unauthorized("You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').")
  }
  const { secretKey, publishableKey } = ctx.options
  if (key.startsWith("sk_test_") && (!secretKey || key === secretKey)) return "secret"
  if (key.startsWith("pk_test_") && (!publishableKey || key === publishableKey)) return "publishable"
  throw unauthorized(`Invalid API Key provided: ${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`)
}

function failureBody(error) {
  return { status: error.status, body: { error: error.error }, saved: error.saved }
}

/** Runs the endpoint; its changes are in the store once this returns, whatever it answers. */
function execute(ctx, found, params, publishable, requestId, idempotencyKey) {
  ctx.current = { id: requestId, idempotencyKey }
  try {
    return { status: 200, body: found.handler(ctx, { id: found.id, params, publishable }), saved: true }
  } catch (error) {
    if (error instanceof StripeFailure) return failureBody(error)
    throw error
  } finally {
    ctx.current = null
  }
}

function createHandler(ctx) {
  return async function handle(req, res) {
    const url = new URL(req.url, "http://emulator")
    if (req.method === "OPTIONS") return void res.writeHead(204, CORS).end()
    if (url.pathname.startsWith("/_emulator/")) return ctx.controls.handle(req, res, url, await readBody(req))

    const requestId = `req_${random(14)}`
    const method = req.method
    const path = url.pathname
    const idempotencyKey = req.headers["idempotency-key"] || null
    const headers = { "Request-Id": requestId, "Stripe-Version": req.headers["stripe-version"] || "2024-04-10", ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}) }
    const entry = { id: requestId, at: new Date().toISOString(), method, path, params: {}, idempotency_key: idempotencyKey, key_type: null, status: null, replayed: false, fault: null }
    ctx.log.push(entry)
    const answer = (status, body, extra = {}) => {
      entry.status = status
      send(res, status, body, { ...headers, ...extra })
    }
    const drop = (fault) => {
      entry.fault = fault.after_commit ? `${fault.kind} after commit` : fault.kind
      if (fault.kind === "reset") return void req.socket.destroy()
      ctx.hanging.add(req.socket)
      if (fault.hang_ms !== null) setTimeout(() => req.socket.destroy(), fault.hang_ms).unref?.()
    }

    try {
      const text = await readBody(req)
      const params = parseForm(method === "POST" ? text : url.search.slice(1))
      entry.params = plain(params)
      const found = route(method, path)
      if (!found) {
        throw invalid(`Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`)
      }
      entry.key_type = keyType(ctx, apiKey(req, params))
      const publishable = entry.key_type === "publishable"
      if (publishable && !found.publishable) {
        throw unauthorized("This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.")
      }

      const fault = ctx.faults.take(method, path)
      const keyed = method === "POST" && idempotencyKey
      const fingerprint = keyed ? ctx.idempotency.fingerprint(method, path, params) : null
      if (fault && !fault.after_commit) {
        entry.fault = fault.kind
        if (fault.kind === "429") return answer(429, { error: rateLimited().error })
        if (fault.kind === "500") {
          const failed = failureBody(apiError())
          if (keyed) ctx.idempotency.save(idempotencyKey, fingerprint, { ...failed, requestId })
          return answer(500, failed.body)
        }
        return drop(fault)
      }
      let result = null
      let replayed = null
      if (keyed) {
        const known = ctx.idempotency.lookup(idempotencyKey, fingerprint)
        if (known?.mismatch) throw idempotencyMismatch(idempotencyKey)
        replayed = known?.replay ?? null
      }
      if (replayed) {
        entry.replayed = true
        result = replayed
      } else {
        result = execute(ctx, found, params, publishable, requestId, idempotencyKey)
        if (keyed && result.saved) ctx.idempotency.save(idempotencyKey, fingerprint, { ...result, requestId })
      }
      if (fault) {
        // The change is made (or was, for a replay); the caller does not learn it.
        if (fault.kind === "500") {
          const failed = failureBody(apiError())
          // Stripe keeps what it answered for the key: the 500.
          if (keyed && !replayed) ctx.idempotency.save(idempotencyKey, fingerprint, { ...failed, requestId })
          entry.fault = "500 after commit"
          return answer(500, failed.body)
        }
        return drop(fault)
      }
      if (replayed) return answer(result.status, result.body, { "Idempotent-Replayed": "true", "Original-Request": replayed.requestId })
      return answer(result.status, result.body)
    } catch (error) {
      if (error instanceof StripeFailure) return answer(error.status, { error: error.error })
      console.error("stripe emulator: internal error", error)
      return answer(500, { error: { type: "api_error", message: `Emulator error: ${error instanceof Error ? error.message : error}` } })
    }
  }
}

/** Listens on `port` (0: any free port) on the loopback interface. */
function listen(ctx, port) {
  const server = http.createServer(createHandler(ctx))
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, "127.0.0.1", () => resolve(server))
  })
}

module.exports = { listen }

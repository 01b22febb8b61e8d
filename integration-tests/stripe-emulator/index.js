"use strict"
// A Stripe API emulator for tests that cannot reach Stripe: the REST surface Medusa's Stripe
// provider and Stripe.js use, Stripe's test cards, signed webhooks, and controls under /_emulator/.
const { createStore } = require("./objects")
const { createWebhooks } = require("./webhooks")
const { createFaults } = require("./faults")
const { createIdempotency } = require("./idempotency")
const { createControls } = require("./controls")
const { listen } = require("./server")

/**
 * @param {object} [options]
 * @param {number} [options.port] 0 (default): any free port
 * @param {string} [options.webhookUrl] the endpoint events are POSTed to, e.g. http://127.0.0.1:9000/hooks/payment/stripe_stripe
 * @param {string} [options.webhookSecret] the endpoint's signing secret (default whsec_emulator)
 * @param {number|null} [options.webhookDelayMs] delivery delay (default 100); null: only on flush
 * @param {string} [options.secretKey] accept only this sk_test_ key (default: any sk_test_ key)
 * @param {string} [options.publishableKey] accept only this pk_test_ key (default: any pk_test_ key)
 */
async function startStripeEmulator(options = {}) {
  const ctx = {
    options,
    store: createStore(),
    log: [],
    hanging: new Set(),
    current: null,
    faults: createFaults(),
    idempotency: createIdempotency(),
    webhooks: createWebhooks({ url: options.webhookUrl ?? null, secret: options.webhookSecret ?? "whsec_emulator", delayMs: options.webhookDelayMs === undefined ? 100 : options.webhookDelayMs }),
  }
  const controls = createControls(ctx)
  ctx.controls = controls
  const server = await listen(ctx, options.port ?? 0)
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    state: ctx,
    ...controls.ops,
    /** Stops listening, drops hanging and idle connections, and waits for webhook deliveries in flight. */
    async close() {
      for (const socket of ctx.hanging) socket.destroy()
      ctx.hanging.clear()
      await new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections?.()
      })
      await ctx.webhooks.close()
    },
  }
}

module.exports = { startStripeEmulator }

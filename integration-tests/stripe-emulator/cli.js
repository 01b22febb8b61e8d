#!/usr/bin/env node
"use strict"
// Runs the emulator on its own: node integration-tests/stripe-emulator/cli.js [--port 12111]
//   [--webhook-url http://127.0.0.1:9000/hooks/payment/stripe_stripe] [--webhook-secret whsec_…]
const { startStripeEmulator } = require("./index")

function arg(name) {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : undefined
}

startStripeEmulator({
  port: Number(arg("port") ?? process.env.STRIPE_EMULATOR_PORT ?? 12111),
  webhookUrl: arg("webhook-url"),
  webhookSecret: arg("webhook-secret"),
}).then((emulator) => {
  console.log(`Stripe emulator listening on ${emulator.url}`)
  const stop = () => emulator.close().then(() => process.exit(0))
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}, (error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

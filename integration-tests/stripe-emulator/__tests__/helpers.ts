import http from "node:http"
import type { AddressInfo } from "node:net"

// The stripe-node copy Medusa's Stripe provider uses (15.x, API version 2024-04-10).
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const Stripe = require(require.resolve("stripe", { paths: [require.resolve("@medusajs/payment-stripe")] }))

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStripeEmulator } = require("../index")

export type Emulator = {
  url: string
  port: number
  close(): Promise<void>
  reset(): void
  authenticate(id: string, outcome?: "succeed" | "fail"): any
  settle(id: string, outcome?: "succeed" | "fail"): any
  fault(spec: Record<string, unknown>): any
  requests(filter?: { method?: string; path?: string }): any[]
  object(id: string): any
  webhooks(): any[]
  flushWebhooks(): Promise<any[]>
  configureWebhooks(config: { url?: string | null; secret?: string; delayMs?: number | null }): any
  signedEvent(id: string, secret?: string): { payload: string; signature: string }
  state: any
}

export const start = (options: Record<string, unknown> = {}): Promise<Emulator> => startStripeEmulator(options)

/** A stripe-node client for the emulator, as the provider subclass builds it. */
export function client(emulator: Emulator, key = "sk_test_emulator", timeout = 2_000) {
  return new Stripe(key, { host: "127.0.0.1", port: emulator.port, protocol: "http", maxNetworkRetries: 0, timeout, telemetry: false })
}

/** What a call gave: the object's status, or the error as `Class code/decline_code`. */
export async function outcome(call: Promise<any>): Promise<string> {
  try {
    const result = await call
    return result.status
  } catch (error: any) {
    return `${error.type} ${[error.code, error.decline_code].filter(Boolean).join("/")}`.trim()
  }
}

export async function failure(call: Promise<unknown>): Promise<any> {
  try {
    await call
  } catch (error) {
    return error
  }
  throw new Error("the call succeeded")
}

export type Delivery = { headers: http.IncomingHttpHeaders; raw: Buffer; event: any }

/** An HTTP endpoint that records the webhooks it receives and answers `status()`. */
export async function webhookReceiver(status: () => number = () => 200) {
  const deliveries: Delivery[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const raw = Buffer.concat(chunks)
      const code = status()
      if (code < 300) deliveries.push({ headers: req.headers, raw, event: JSON.parse(raw.toString("utf8")) })
      res.writeHead(code).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/payment/stripe_stripe`,
    deliveries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export async function until<T>(probe: () => T | undefined | null | false, timeoutMs = 3_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value) return value
    if (Date.now() > end) throw new Error("timed out waiting")
    await new Promise((r) => setTimeout(r, 20))
  }
}

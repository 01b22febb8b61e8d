// Medusa's own Stripe provider (identifier "stripe", so `pp_stripe_<id>`), talking to the emulator.
// Only the client is replaced: Medusa builds it from the API key alone (payment-stripe's
// core/stripe-base.js), with no host, timeout or retry options. Every provider method is Medusa's.
import StripeModule from "@medusajs/medusa/payment-stripe"
import { ModuleProvider, Modules } from "@medusajs/framework/utils"

type Constructor = new (cradle: Record<string, unknown>, options: EmulatedStripeOptions) => any

/** Medusa's Stripe options plus where the emulator listens (e.g. http://127.0.0.1:12111). */
export type EmulatedStripeOptions = {
  apiKey: string
  webhookSecret?: string
  apiBase: string
  timeoutMs?: number
  [option: string]: unknown
}

const StripeProviderService = (StripeModule.services as unknown as (Constructor & { identifier?: string })[]).find(
  (service) => service.identifier === "stripe"
)
if (!StripeProviderService) throw new Error("@medusajs/medusa/payment-stripe has no provider with the identifier stripe")

// The stripe-node copy Medusa's provider is built on (15.x, API version 2024-04-10), not the hoisted one.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Stripe = require(require.resolve("stripe", { paths: [require.resolve("@medusajs/payment-stripe")] }))

export class EmulatedStripeProviderService extends StripeProviderService {
  constructor(cradle: Record<string, unknown>, options: EmulatedStripeOptions) {
    super(cradle, options)
    const base = new URL(options.apiBase)
    this.stripe_ = new Stripe(options.apiKey, {
      host: base.hostname,
      port: base.port || (base.protocol === "https:" ? 443 : 80),
      protocol: base.protocol.replace(/:$/, ""),
      // A failed call must reach Medusa's own error handling as it would from Stripe.
      maxNetworkRetries: 0,
      timeout: options.timeoutMs ?? 5_000,
      telemetry: false,
    })
  }
}

export default ModuleProvider(Modules.PAYMENT, { services: [EmulatedStripeProviderService] })

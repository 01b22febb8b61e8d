import path from "node:path"
import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { assertProductionSecrets, defaultCorsOrigins } from "./src/lib/production-checks"
import type { PortalOptionsInput } from "./src/modules/customer-portal/options"

loadEnv(process.env.NODE_ENV || "development", process.cwd())
// Under NODE_ENV=production: JWT_SECRET and COOKIE_SECRET set, long and not the shipped default.
assertProductionSecrets()

/**
 * Stripe (`pp_stripe_stripe`), when configured: Medusa's own provider with
 * STRIPE_API_KEY, or — with STRIPE_EMULATOR_URL, for tests on machines that
 * cannot reach Stripe — the same provider talking to the emulator in
 * integration-tests/stripe-emulator. Neither: no Stripe (the demo).
 */
const stripeProviders = process.env.STRIPE_EMULATOR_URL
  ? [
      {
        // An absolute path: Medusa reads "./…" provider paths as under ./src. The tests and the demo stack run from the repository root.
        resolve: path.join(process.cwd(), "integration-tests", "stripe-emulator", "provider"),
        id: "stripe",
        options: { apiKey: "sk_test_emulator", webhookSecret: "whsec_emulator", apiBase: process.env.STRIPE_EMULATOR_URL },
      },
    ]
  : process.env.STRIPE_API_KEY
    ? [
        {
          resolve: "@medusajs/medusa/payment-stripe",
          id: "stripe",
          options: { apiKey: process.env.STRIPE_API_KEY, webhookSecret: process.env.STRIPE_WEBHOOK_SECRET },
        },
      ]
    : []
const stripePublishableKey = process.env.STRIPE_EMULATOR_URL ? "pk_test_emulator" : process.env.STRIPE_API_KEY ? process.env.STRIPE_PUBLISHABLE_KEY || undefined : undefined

/**
 * The development, test and demo store. It registers the plugin's module from
 * `./src`, so Medusa also loads the plugin's routes, subscribers, jobs, links
 * and admin extensions from `./src` as this app's own.
 */
const portalOptions: PortalOptionsInput = {
  storefrontUrl: process.env.PORTAL_STOREFRONT_URL || undefined,
  liveStorefrontUrl: process.env.PORTAL_LIVE_STOREFRONT_URL || undefined,
  // Unset: the option's default, live under NODE_ENV=production and test otherwise.
  mode: process.env.PORTAL_MODE === "live" || process.env.PORTAL_MODE === "test" ? process.env.PORTAL_MODE : undefined,
  // In this development store the manual provider pays for nothing real, so what it pays for is test too (the demo's orders);
  // in production it is a live way to pay (bank transfer, cash), like every provider but the test card's.
  // The load balancers in front of Medusa (addresses or CIDR ranges), and the secret the storefront signs addresses with.
  trustedProxies: process.env.PORTAL_TRUSTED_PROXIES ? process.env.PORTAL_TRUSTED_PROXIES.split(",").map((entry) => entry.trim()).filter(Boolean) : undefined,
  clientIpSecret: process.env.PORTAL_CLIENT_IP_SECRET || undefined,
  downloadsPerHour: process.env.PORTAL_DOWNLOADS_PER_HOUR ? Number(process.env.PORTAL_DOWNLOADS_PER_HOUR) : undefined,
  testPaymentProviders: [
    ...(process.env.PORTAL_TEST_PAYMENT_PROVIDERS
      ? process.env.PORTAL_TEST_PAYMENT_PROVIDERS.split(",").map((id) => id.trim()).filter(Boolean)
      : process.env.NODE_ENV === "production"
        ? []
        : ["pp_system_default"]),
    // Stripe with a test secret key moves test money (the emulator's key is pk_test_, which says the same).
    ...(!process.env.STRIPE_EMULATOR_URL && process.env.STRIPE_API_KEY?.startsWith("sk_test_") ? ["pp_stripe_stripe"] : []),
  ],
  // The browser's half of Stripe (its publishable key): a pk_test_ key makes pp_stripe_stripe a test provider.
  paymentProviders: stripePublishableKey ? { pp_stripe_stripe: { publishableKey: stripePublishableKey } } : undefined,
}

/**
 * Production on more than one machine: set REDIS_URL and Medusa's own Redis
 * modules take over events, workflows, caching and locks, so several server
 * instances and one worker (MEDUSA_WORKER_MODE=worker; the servers `server`)
 * share them, with PostgreSQL shared too. Without it, everything runs in one
 * process (events and workflows in memory, locks in PostgreSQL).
 */
const redisUrl = process.env.REDIS_URL || undefined
const redisModules = redisUrl
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
      {
        resolve: "@medusajs/medusa/caching",
        options: { providers: [{ resolve: "@medusajs/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl } }] },
      },
    ]
  : process.env.MEDUSA_FF_CACHING === "true"
    ? // One process: Medusa's caching module in memory (the publishable key of every /store request, for one).
      [{ resolve: "@medusajs/medusa/caching", options: { in_memory: { enable: true } } }]
    : []
const lockingProvider = redisUrl
  ? { resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }
  : { resolve: "@medusajs/medusa/locking-postgres", id: "locking-postgres", is_default: true }

const allowedOrigins = defaultCorsOrigins()

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseLogging: false,
    redisUrl,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server" | undefined) || "shared",
    http: {
      storeCors: process.env.STORE_CORS || allowedOrigins,
      adminCors: process.env.ADMIN_CORS || allowedOrigins,
      authCors: process.env.AUTH_CORS || allowedOrigins,
      // The shipped default serves development and the tests only: assertProductionSecrets refuses it in production.
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
    // The demo runs on plain http://localhost, where a Secure cookie would be dropped.
    cookieOptions: process.env.MEDUSA_INSECURE_COOKIES === "true" ? { secure: false, sameSite: "lax" } : undefined,
  },
  admin: {
    disable: process.env.MEDUSA_DISABLE_ADMIN === "true",
  },
  modules: [
    {
      resolve: "./src/modules/customer-portal",
      options: portalOptions,
    },
    {
      // Locks that hold across processes (renewals, reactivations): Redis when configured, else PostgreSQL.
      resolve: "@medusajs/medusa/locking",
      options: { providers: [lockingProvider] },
    },
    ...redisModules,
    {
      // The plugin's test card provider (pp_test-card_test): the demo store and the tests pay with it; and Stripe when configured.
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          {
            resolve: "./src/providers/test-card",
            id: "test",
            options: {
              timeoutMs: process.env.TEST_CARD_TIMEOUT_MS ? Number(process.env.TEST_CARD_TIMEOUT_MS) : undefined,
              // Under NODE_ENV=production the test card provider refuses to load unless this is set (a staging store).
              enableInProduction: process.env.PORTAL_TEST_CARDS_IN_PRODUCTION === "true",
            },
          },
          ...stripeProviders,
        ],
      },
    },
    {
      // Emails are written to a folder instead of being sent: .demo/emails in the demo.
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "./src/providers/notification-file",
            id: "file",
            options: { channels: ["email"], directory: process.env.PORTAL_EMAIL_OUTBOX || ".demo/emails" },
          },
          {
            // The admin's notification bell: what the portal tells the merchant (an order's grants taken back).
            resolve: "@medusajs/medusa/notification-local",
            id: "feed",
            options: { channels: ["feed"] },
          },
        ],
      },
    },
  ],
})

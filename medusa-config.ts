import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import type { PortalOptionsInput } from "./src/modules/customer-portal/options"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The development, test and demo store. It registers the plugin's module from
 * `./src`, so Medusa also loads the plugin's routes, subscribers, jobs, links
 * and admin extensions from `./src` as this app's own.
 */
const portalOptions: PortalOptionsInput = {
  storefrontUrl: process.env.PORTAL_STOREFRONT_URL || "http://localhost:8000",
  liveStorefrontUrl: process.env.PORTAL_LIVE_STOREFRONT_URL || undefined,
  mode: process.env.PORTAL_MODE === "live" ? "live" : "test",
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

const allowedOrigins = [
  process.env.PORTAL_STOREFRONT_URL || "http://localhost:8000",
  "http://localhost:9000",
  "http://localhost:5173",
].join(",")

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
      // The plugin's test card provider (pp_test-card_test): the demo store and the tests pay with it.
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          {
            resolve: "./src/providers/test-card",
            id: "test",
            options: { timeoutMs: process.env.TEST_CARD_TIMEOUT_MS ? Number(process.env.TEST_CARD_TIMEOUT_MS) : undefined },
          },
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

import { z } from "@medusajs/framework/zod"
import { trustedProxyList, type ClientAddressPolicy } from "../../lib/client-address"

/**
 * A duration written as a whole number and a unit: `90s`, `15m`, `12h`, `30d`.
 * Durations are kept as strings in `medusa-config.ts` because "24h" reads
 * better than 86400000, and parsed once here into milliseconds.
 */
const DURATION = /^(\d+)\s*(s|m|h|d)$/
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const

export function parseDuration(value: string): number | null {
  const match = DURATION.exec(value.trim())
  if (!match) {
    return null
  }
  const amount = Number(match[1])
  return amount > 0 ? amount * UNIT_MS[match[2] as keyof typeof UNIT_MS] : null
}

const duration = (min: string, max: string) =>
  z
    .string()
    .refine((value) => parseDuration(value) !== null, {
      message: 'must be a duration such as "15m", "12h" or "30d"',
    })
    .refine(
      (value) => {
        const ms = parseDuration(value)
        return ms === null || (ms >= parseDuration(min)! && ms <= parseDuration(max)!)
      },
      { message: `must be between ${min} and ${max}` }
    )

const absoluteUrl = z
  .string()
  .url({ message: "must be an absolute URL such as https://shop.example.com", abort: true })
  .refine((value) => /^https?:\/\//.test(value), { message: "must start with http:// or https://" })
  .transform((value) => value.replace(/\/+$/, ""))

export const PortalOptionsSchema = z
  .object({
    /** Base URL of the storefront that serves the portal pages in test mode. */
    storefrontUrl: absoluteUrl.default("http://localhost:8000"),
    /** Base URL of the storefront in live mode; defaults to `storefrontUrl`. */
    liveStorefrontUrl: absoluteUrl.optional(),
    /**
     * The mode a new portal starts in; merchants switch it in the admin afterwards.
     * Left out: live under NODE_ENV=production, test otherwise.
     */
    mode: z.enum(["test", "live"]).optional(),
    /** Locale used in links and emails when the customer has none. */
    defaultLocale: z.enum(["en", "ar"]).default("en"),
    /** Lifetime of links made by the merchant in the admin or through the API (A3). */
    merchantLinkTtl: duration("5m", "30d").default("24h"),
    /** Lifetime of links requested by the customer on the static login page. */
    emailLinkTtl: duration("1m", "24h").default("15m"),
    /** Absolute lifetime of a portal session. */
    sessionTtl: duration("5m", "30d").default("12h"),
    /** A session unused for this long ends. */
    sessionIdleTimeout: duration("1m", "30d").default("1h"),
    /** How many due subscriptions one pass of the renewal job takes at a time. */
    renewalBatchSize: z.number().int().min(1).max(1000).default(100),
    renewalConcurrency: z.number().int().min(1).max(32).default(4),
    /**
     * Issue an order's license keys only once its payment is captured, not when
     * it is placed (for stores that authorize first and capture later).
     */
    licenseKeysOnCapture: z.boolean().default(false),
    /**
     * Payment providers whose money is test money, besides the portal's own test
     * card provider (always test): e.g. a gateway account with test keys on a
     * staging store. What they pay for is a test record; everything paid any
     * other way is live.
     */
    testPaymentProviders: z.array(z.string().regex(/^pp_[A-Za-z0-9_-]+$/, { message: 'must name payment providers by id, such as "pp_stripe_stripe"' })).default([]),
    /**
     * What the storefront needs of each payment provider it collects cards
     * for, by provider id: Stripe's publishable key (`pk_test_…` or
     * `pk_live_…`, from the same account as the provider's secret key). A
     * `pk_test_` key makes the provider a test provider, as if it were listed
     * in `testPaymentProviders`.
     */
    paymentProviders: z
      .record(
        z.string().regex(/^pp_[A-Za-z0-9_-]+$/, { message: 'must name payment providers by id, such as "pp_stripe_stripe"' }),
        z
          .object({
            publishableKey: z.string().regex(/^pk_(test|live)_[A-Za-z0-9_]+$/, { message: "must be a publishable key (pk_test_… or pk_live_…)" }).optional(),
          })
          .strict()
      )
      .default({}),
    /**
     * Addresses or CIDR ranges of the proxies in front of the backend (a load
     * balancer): only when a request comes from one is X-Forwarded-For read,
     * right to left, for the client's address. None by default: the
     * connection's own address counts.
     */
    trustedProxies: z
      .array(z.string().refine((entry) => { try { trustedProxyList([entry]); return true } catch { return false } }, { message: "must be IP addresses or CIDR ranges such as 10.0.0.0/8" }))
      .default([]),
    /**
     * A secret shared with the storefront (at least 32 characters), with which
     * it signs the customer's address it saw (X-Portal-Client-IP), so the
     * backend behind it limits and records each customer, not the storefront.
     */
    clientIpSecret: z.string().min(32, { message: "must be at least 32 characters" }).optional(),
    /** Invoice PDFs and CSV exports one customer may download in an hour (each PDF is rendered on the server). */
    downloadsPerHour: z.number().int().min(10).max(1_000_000).default(600),
    /** Prefix of invoice numbers, e.g. INV-000123. */
    invoiceNumberPrefix: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/, {
        message: "must be 1-16 letters, digits, '-' or '_', starting with a letter or digit",
      })
      .default("INV-"),
  })
  .strict()
  .superRefine((options, ctx) => {
    const ttl = parseDuration(options.sessionTtl)!
    const idle = parseDuration(options.sessionIdleTimeout)!
    for (const [id, provider] of Object.entries(options.paymentProviders)) {
      if (provider.publishableKey?.startsWith("pk_live_") && options.testPaymentProviders.includes(id)) {
        ctx.addIssue({ code: "custom", path: ["paymentProviders", id, "publishableKey"], message: `is a live key, but testPaymentProviders lists ${id} as a test provider` })
      }
    }
    if (idle > ttl) {
      ctx.addIssue({
        code: "custom",
        path: ["sessionIdleTimeout"],
        message: `must not be longer than sessionTtl (${options.sessionTtl})`,
      })
    }
  })

export type PortalOptionsInput = z.input<typeof PortalOptionsSchema>
export type PortalOptions = z.output<typeof PortalOptionsSchema>

/** Options as the code uses them: durations in milliseconds, URLs resolved. */
export type ResolvedPortalOptions = {
  storefrontUrl: { test: string; live: string }
  mode: "test" | "live"
  defaultLocale: "en" | "ar"
  merchantLinkTtlMs: number
  emailLinkTtlMs: number
  sessionTtlMs: number
  sessionIdleTimeoutMs: number
  renewalBatchSize: number
  /** Renewals of one batch run at the same time (each under its subscription's lock). */
  renewalConcurrency: number
  licenseKeysOnCapture: boolean
  /** Providers whose money is test money (besides the test card provider): the option, and those with a `pk_test_` key. */
  testPaymentProviders: string[]
  /** By provider id: what the storefront's card form needs. */
  paymentProviders: Record<string, { publishableKey: string | null }>
  downloadsPerHour: number
  /** Who may tell the backend the client's address (see `clientAddressOf`). */
  clientAddress: ClientAddressPolicy
  invoiceNumberPrefix: string
}

/** Keys Medusa itself adds to every module's options; they are not the merchant's. */
const FRAMEWORK_KEYS = new Set(["providers", "definition", "scope", "resources", "db", "database"])

/**
 * Validates the plugin options and returns them resolved, or throws an Error
 * whose message names each wrong option in a sentence, so that boot stops with
 * something a merchant can act on.
 */
export function resolvePortalOptions(raw: unknown, env: NodeJS.ProcessEnv = process.env): ResolvedPortalOptions {
  const input =
    raw && typeof raw === "object" && !Array.isArray(raw)
      ? Object.fromEntries(Object.entries(raw).filter(([key]) => !FRAMEWORK_KEYS.has(key)))
      : raw ?? {}
  const parsed = PortalOptionsSchema.safeParse(input)
  if (!parsed.success) {
    const sentences = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".")
      if (issue.code === "unrecognized_keys") {
        return `medusa-customer-portal: unknown option ${issue.keys.map((k) => `"${k}"`).join(", ")}; check the spelling against the README's option table.`
      }
      if (issue.code === "invalid_type") {
        return `medusa-customer-portal: the option "${name}" has the wrong type (${issue.message}).`
      }
      return `medusa-customer-portal: the option "${name}" ${issue.message}.`
    })
    throw new Error(sentences.join("\n"))
  }
  const options = parsed.data
  const production = env.NODE_ENV === "production"
  const live = options.liveStorefrontUrl ?? options.storefrontUrl
  // Live links carry sign-in tokens; over http:// anyone on the path reads them. Any portal may be switched to live.
  if (production && !live.startsWith("https://")) {
    const name = options.liveStorefrontUrl ? "liveStorefrontUrl" : "storefrontUrl"
    throw new Error(
      `medusa-customer-portal: the option "${name}" is ${live}, which serves live mode in production; ` +
        `set it to the storefront's https:// address${name === "storefrontUrl" ? ", or set liveStorefrontUrl to one" : ""}.`
    )
  }
  return {
    storefrontUrl: {
      test: options.storefrontUrl,
      live,
    },
    mode: options.mode ?? (production ? "live" : "test"),
    defaultLocale: options.defaultLocale,
    merchantLinkTtlMs: parseDuration(options.merchantLinkTtl)!,
    emailLinkTtlMs: parseDuration(options.emailLinkTtl)!,
    sessionTtlMs: parseDuration(options.sessionTtl)!,
    sessionIdleTimeoutMs: parseDuration(options.sessionIdleTimeout)!,
    renewalBatchSize: options.renewalBatchSize,
    renewalConcurrency: options.renewalConcurrency,
    licenseKeysOnCapture: options.licenseKeysOnCapture,
    testPaymentProviders: [
      ...new Set([
        ...options.testPaymentProviders,
        ...Object.entries(options.paymentProviders)
          .filter(([, provider]) => provider.publishableKey?.startsWith("pk_test_"))
          .map(([id]) => id),
      ]),
    ],
    paymentProviders: Object.fromEntries(Object.entries(options.paymentProviders).map(([id, provider]) => [id, { publishableKey: provider.publishableKey ?? null }])),
    downloadsPerHour: options.downloadsPerHour,
    clientAddress: { trusted: trustedProxyList(options.trustedProxies), secret: options.clientIpSecret ?? null },
    invoiceNumberPrefix: options.invoiceNumberPrefix,
  }
}

import { z } from "@medusajs/framework/zod"

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
    /** The mode a new portal starts in. Merchants switch it in the admin afterwards. */
    mode: z.enum(["test", "live"]).default("test"),
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
  invoiceNumberPrefix: string
}

/** Keys Medusa itself adds to every module's options; they are not the merchant's. */
const FRAMEWORK_KEYS = new Set(["providers", "definition", "scope", "resources", "db", "database"])

/**
 * Validates the plugin options and returns them resolved, or throws an Error
 * whose message names each wrong option in a sentence, so that boot stops with
 * something a merchant can act on.
 */
export function resolvePortalOptions(raw: unknown): ResolvedPortalOptions {
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
  return {
    storefrontUrl: {
      test: options.storefrontUrl,
      live: options.liveStorefrontUrl ?? options.storefrontUrl,
    },
    mode: options.mode,
    defaultLocale: options.defaultLocale,
    merchantLinkTtlMs: parseDuration(options.merchantLinkTtl)!,
    emailLinkTtlMs: parseDuration(options.emailLinkTtl)!,
    sessionTtlMs: parseDuration(options.sessionTtl)!,
    sessionIdleTimeoutMs: parseDuration(options.sessionIdleTimeout)!,
    renewalBatchSize: options.renewalBatchSize,
    renewalConcurrency: options.renewalConcurrency,
    licenseKeysOnCapture: options.licenseKeysOnCapture,
    invoiceNumberPrefix: options.invoiceNumberPrefix,
  }
}

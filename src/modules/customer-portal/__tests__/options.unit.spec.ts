import { parseDuration, resolvePortalOptions } from "../options"

describe("plugin options", () => {
  it("has defaults that work for the demo", () => {
    const { clientAddress, ...options } = resolvePortalOptions(undefined)
    // No proxy is trusted and no storefront signs addresses until the merchant says so.
    expect(clientAddress.secret).toBeNull()
    expect(clientAddress.trusted.check("127.0.0.1")).toBe(false)
    expect(options).toEqual({
      storefrontUrl: { test: "http://localhost:8000", live: "http://localhost:8000" },
      mode: "test",
      defaultLocale: "en",
      merchantLinkTtlMs: 24 * 3_600_000,
      emailLinkTtlMs: 15 * 60_000,
      sessionTtlMs: 12 * 3_600_000,
      sessionIdleTimeoutMs: 3_600_000,
      renewalBatchSize: 100,
      renewalConcurrency: 4,
      licenseKeysOnCapture: false,
      testPaymentProviders: [],
      paymentProviders: {},
      downloadsPerHour: 600,
      invoiceNumberPrefix: "INV-",
    })
  })

  it("resolves URLs and durations", () => {
    const options = resolvePortalOptions({
      storefrontUrl: "https://test.shop.example/",
      liveStorefrontUrl: "https://shop.example",
      mode: "live",
      emailLinkTtl: "10m",
      sessionTtl: "2d",
    })
    expect(options.storefrontUrl).toEqual({ test: "https://test.shop.example", live: "https://shop.example" })
    expect(options.mode).toBe("live")
    expect(options.emailLinkTtlMs).toBe(600_000)
    expect(options.sessionTtlMs).toBe(2 * 86_400_000)
  })

  it("takes each payment provider's publishable key, and a pk_test_ key makes the provider a test provider", () => {
    const options = resolvePortalOptions({
      testPaymentProviders: ["pp_system_default"],
      paymentProviders: { pp_stripe_stripe: { publishableKey: "pk_test_abc123" }, pp_stripe_live: { publishableKey: "pk_live_def456" }, pp_other_x: {} },
    })
    expect(options.paymentProviders).toEqual({
      pp_stripe_stripe: { publishableKey: "pk_test_abc123" },
      pp_stripe_live: { publishableKey: "pk_live_def456" },
      pp_other_x: { publishableKey: null },
    })
    expect(options.testPaymentProviders.sort()).toEqual(["pp_stripe_stripe", "pp_system_default"])
  })

  it("ignores the keys Medusa adds to every module's options", () => {
    expect(() => resolvePortalOptions({ providers: [], definition: {} })).not.toThrow()
  })

  it.each([
    [{ storefrontUrl: "shop.example" }, /"storefrontUrl" must be an absolute URL/],
    [{ storefrontUrl: "ftp://shop.example" }, /"storefrontUrl" must start with http/],
    [{ mode: "production" }, /"mode"/],
    [{ emailLinkTtl: "15 minutes" }, /"emailLinkTtl" must be a duration/],
    [{ emailLinkTtl: "2d" }, /"emailLinkTtl" must be between 1m and 24h/],
    [{ sessionTtl: "1h", sessionIdleTimeout: "2h" }, /"sessionIdleTimeout" must not be longer than sessionTtl/],
    [{ renewalBatchSize: 0 }, /"renewalBatchSize"/],
    [{ invoiceNumberPrefix: "INV 2026/" }, /"invoiceNumberPrefix" must be 1-16 letters/],
    [{ storefrontURL: "https://shop.example" }, /unknown option "storefrontURL"/],
    [{ paymentProviders: { pp_stripe_stripe: { publishableKey: "sk_test_secret" } } }, /"paymentProviders.pp_stripe_stripe.publishableKey" must be a publishable key/],
    [{ paymentProviders: { pp_stripe_stripe: { publishableKey: "pk_test_a", secretKey: "sk_test_b" } } }, /unknown option "secretKey"/],
    [{ paymentProviders: { stripe: {} } }, /"paymentProviders/],
    [
      { testPaymentProviders: ["pp_stripe_stripe"], paymentProviders: { pp_stripe_stripe: { publishableKey: "pk_live_a" } } },
      /"paymentProviders.pp_stripe_stripe.publishableKey" is a live key, but testPaymentProviders lists pp_stripe_stripe/,
    ],
  ])("stops boot on %p with a sentence naming the option", (input, message) => {
    expect(() => resolvePortalOptions(input)).toThrow(message)
  })

  it("parses durations and refuses what is not one", () => {
    expect(parseDuration("90s")).toBe(90_000)
    expect(parseDuration("0m")).toBeNull()
    expect(parseDuration("1.5h")).toBeNull()
    expect(parseDuration("")).toBeNull()
  })
})

import { execFile } from "node:child_process"
import path from "node:path"
import { promisify } from "node:util"
import validateOptionsLoader from "../../modules/customer-portal/loaders/validate-options"
import { resolvePortalOptions } from "../../modules/customer-portal/options"
import { assertProductionSecrets, defaultCorsOrigins, secretProblems } from "../production-checks"

const run = promisify(execFile)
const ROOT = path.resolve(__dirname, "../../..")
const STRONG = "k3T9vQ2xLm8RzP4wYb7NcF1sHd6JgA5e"
const PRODUCTION = { NODE_ENV: "production", JWT_SECRET: STRONG, COOKIE_SECRET: `${STRONG}x` }

/** Loads this repository's medusa-config.ts in a fresh Node process with `env`, as `medusa start` does first. */
async function loadConfig(env: Record<string, string | undefined>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(JWT_SECRET|COOKIE_SECRET|NODE_ENV|PORTAL_|STORE_CORS|ADMIN_CORS|AUTH_CORS)/.test(name)))
  const script = `const c = require("./medusa-config.ts").default; process.stdout.write(JSON.stringify({ http: c.projectConfig.http, portal: Object.values(c.modules).find((m) => m.resolve === "./src/modules/customer-portal").options }))`
  try {
    const { stdout } = await run(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], { cwd: ROOT, env: { ...clean, ...env } })
    return { ok: true as const, config: JSON.parse(stdout) }
  } catch (error) {
    return { ok: false as const, stderr: String((error as { stderr?: string }).stderr ?? error) }
  }
}

describe("production checks (L4)", () => {
  it.each([
    [{}, /JWT_SECRET is not set: set it to a random value of at least 32 characters/],
    [{ JWT_SECRET: "supersecret", COOKIE_SECRET: STRONG }, /JWT_SECRET is the shipped default "supersecret"/],
    [{ JWT_SECRET: STRONG, COOKIE_SECRET: "short-secret" }, /COOKIE_SECRET is only 12 characters long/],
  ])("refuses the secrets %p with a sentence saying what to set", (env, sentence) => {
    expect(secretProblems(env).join("\n")).toMatch(sentence)
    expect(() => assertProductionSecrets({ NODE_ENV: "production", ...env })).toThrow(sentence)
  })

  it("accepts long secrets in production, and anything outside it", () => {
    expect(secretProblems(PRODUCTION)).toEqual([])
    expect(() => assertProductionSecrets(PRODUCTION)).not.toThrow()
    expect(() => assertProductionSecrets({ NODE_ENV: "development" })).not.toThrow()
    expect(() => assertProductionSecrets({ NODE_ENV: "test", JWT_SECRET: "supersecret" })).not.toThrow()
  })

  it("adds no localhost origin to CORS in production", () => {
    expect(defaultCorsOrigins({ NODE_ENV: "development" })).toBe("http://localhost:8000,http://localhost:9000,http://localhost:5173")
    expect(defaultCorsOrigins({ NODE_ENV: "production", PORTAL_STOREFRONT_URL: "https://shop.example/" })).toBe("https://shop.example")
    expect(defaultCorsOrigins({ NODE_ENV: "production", PORTAL_STOREFRONT_URL: "http://localhost:8000", PORTAL_LIVE_STOREFRONT_URL: "https://shop.example" })).toBe(
      "https://shop.example"
    )
    expect(defaultCorsOrigins({ NODE_ENV: "production", PORTAL_STOREFRONT_URL: "http://127.0.0.1:8000" })).toBe("")
  })

  it("starts a new portal in live mode in production, in test mode otherwise", () => {
    const live = { storefrontUrl: "https://shop.example" }
    expect(resolvePortalOptions(live, { NODE_ENV: "production" }).mode).toBe("live")
    expect(resolvePortalOptions(live, { NODE_ENV: "development" }).mode).toBe("test")
    expect(resolvePortalOptions({ ...live, mode: "test" }, { NODE_ENV: "production" }).mode).toBe("test")
  })

  it("refuses an http:// storefront that serves live mode in production", () => {
    expect(() => resolvePortalOptions({}, { NODE_ENV: "production" })).toThrow(
      /"storefrontUrl" is http:\/\/localhost:8000, which serves live mode in production; set it to the storefront's https:\/\/ address, or set liveStorefrontUrl/
    )
    expect(() => resolvePortalOptions({ storefrontUrl: "https://shop.example", liveStorefrontUrl: "http://shop.example" }, { NODE_ENV: "production" })).toThrow(
      /"liveStorefrontUrl" is http:\/\/shop.example/
    )
    // A test storefront may stay on http:// when live mode has its own https address.
    expect(resolvePortalOptions({ storefrontUrl: "http://staging.example", liveStorefrontUrl: "https://shop.example" }, { NODE_ENV: "production" }).storefrontUrl).toEqual({
      test: "http://staging.example",
      live: "https://shop.example",
    })
    expect(() => resolvePortalOptions({}, { NODE_ENV: "development" })).not.toThrow()
  })

  it("the module's options loader stops boot on an http:// live storefront in production", async () => {
    const before = process.env.NODE_ENV
    process.env.NODE_ENV = "production"
    try {
      await expect(validateOptionsLoader({ options: { storefrontUrl: "http://shop.example" } } as any)).rejects.toThrow(/which serves live mode in production/)
    } finally {
      process.env.NODE_ENV = before
    }
  })

  it("loading medusa-config.ts in production with the default secrets fails with the sentence", async () => {
    const refused = await loadConfig({ NODE_ENV: "production" })
    expect(refused.ok).toBe(false)
    expect(refused.ok ? "" : refused.stderr).toMatch(/refusing to start in production\.\nJWT_SECRET is not set: set it to a random value[^\n]*\nCOOKIE_SECRET is not set/)
    const shipped = await loadConfig({ NODE_ENV: "production", JWT_SECRET: "supersecret", COOKIE_SECRET: "supersecret" })
    expect(shipped.ok ? "" : shipped.stderr).toMatch(/JWT_SECRET is the shipped default "supersecret"/)
  })

  it("loading medusa-config.ts in production with real secrets leaves localhost out of CORS; in development it keeps it", async () => {
    const production = await loadConfig({ ...PRODUCTION, PORTAL_STOREFRONT_URL: "https://shop.example" })
    expect(production.ok ? production.config.http : production.stderr).toMatchObject({ storeCors: "https://shop.example", adminCors: "https://shop.example", authCors: "https://shop.example" })
    const development = await loadConfig({ NODE_ENV: "development" })
    expect(development.ok && development.config.http.storeCors).toContain("http://localhost:8000")
    expect(development.ok && development.config.portal.mode).toBeUndefined()
  })
})

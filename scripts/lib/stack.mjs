// Brings up the whole store on one database: migrate, seed once, Medusa with
// the plugin, and the portal storefront. Used by `npm run demo` and by the
// browser tests.
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { run, startProcess, waitForUrl } from "./processes.mjs"

/**
 * @param {object} o
 * @param {string} o.root          repository root
 * @param {string} o.databaseUrl
 * @param {number} o.backendPort
 * @param {number} o.storefrontPort
 * @param {string} o.outbox        folder the demo email provider writes to
 * @param {string} o.seedFile      where the seed writes what it made
 * @param {boolean} [o.buildStorefront=true]
 * @param {"inherit"|"ignore"} [o.stdio="inherit"]
 */
export async function startStack(o) {
  const started = []
  const stop = () => Promise.all(started.map((p) => p.stopGroup()))
  const stdio = o.stdio ?? "inherit"
  const verbose = stdio === "inherit"
  const step = (message) => verbose && console.log(`\n▶ ${message}`)
  const backendUrl = `http://localhost:${o.backendPort}`
  const storefrontUrl = `http://localhost:${o.storefrontPort}`
  // The storefront signs each customer's address with it, so the backend limits customers, not the storefront.
  const clientIpSecret = process.env.PORTAL_CLIENT_IP_SECRET || randomBytes(32).toString("base64url")
  const env = {
    ...process.env,
    PORTAL_CLIENT_IP_SECRET: clientIpSecret,
    DATABASE_URL: o.databaseUrl,
    PORT: String(o.backendPort),
    PORTAL_STOREFRONT_URL: storefrontUrl,
    PORTAL_EMAIL_OUTBOX: o.outbox,
    MEDUSA_INSECURE_COOKIES: "true",
    MEDUSA_DISABLE_TELEMETRY: "true",
    DEMO_INFO_FILE: o.seedFile,
  }
  delete env.DB_HOST
  try {
    step("Migrating the database (medusa db:migrate)")
    await run("npx", ["medusa", "db:migrate"], { cwd: o.root, env, stdio })

    step("Seeding the demo store (once; later runs keep your data)")
    await run("npx", ["medusa", "exec", "./scripts/seed.ts"], { cwd: o.root, env, stdio })
    const seed = JSON.parse(fs.readFileSync(o.seedFile, "utf8"))

    step(`Starting Medusa with the plugin on ${backendUrl}`)
    // `medusa start` runs the TypeScript sources directly; NODE_ENV=development makes it serve the
    // admin (with the plugin's extensions) through the admin bundler. Unlike `medusa develop`, it
    // does not watch the tree, which here includes the storefront and its node_modules.
    const medusa = startProcess("npx", ["medusa", "start"], { cwd: o.root, env: { ...env, NODE_ENV: "development" }, stdio })
    started.push(medusa)

    const storefrontDir = path.join(o.root, "storefront")
    const storefrontEnv = {
      ...process.env,
      MEDUSA_BACKEND_URL: backendUrl,
      MEDUSA_PUBLISHABLE_KEY: seed.publishable_key,
      PORTAL_BUSINESS_ID: seed.business_id,
      PORTAL_CLIENT_IP_SECRET: clientIpSecret,
      NEXT_TELEMETRY_DISABLED: "1",
    }
    if (o.buildStorefront !== false) {
      step("Building the storefront (next build)")
      await run("npm", ["run", "build"], { cwd: storefrontDir, env: storefrontEnv, stdio })
    }
    step(`Starting the storefront on ${storefrontUrl}`)
    const storefront = startProcess("npx", ["next", "start", "-p", String(o.storefrontPort)], { cwd: storefrontDir, env: storefrontEnv, stdio })
    started.push(storefront)

    await waitForUrl(`${backendUrl}/health`, { timeoutMs: 180_000, expect: (s) => s === 200, isAlive: () => medusa.alive })
    await waitForUrl(`${storefrontUrl}/en/portal`, { timeoutMs: 60_000, expect: (s) => s === 200, isAlive: () => storefront.alive })
    await selfCheck(backendUrl, storefrontUrl, seed, verbose)

    return {
      backendUrl,
      storefrontUrl,
      seed,
      info: {
        backend_url: backendUrl,
        admin_url: `${backendUrl}/app`,
        storefront_url: storefrontUrl,
        portal_url: `${storefrontUrl}/en/portal`,
        static_login_links: {
          en: `${storefrontUrl}/en/portal/login/${seed.business_id}?mode=test`,
          ar: `${storefrontUrl}/ar/portal/login/${seed.business_id}?mode=test`,
        },
        publishable_key: seed.publishable_key,
        business_id: seed.business_id,
        admin: seed.admin,
        customers: seed.customers,
        emails_folder: o.outbox,
        database_url: o.databaseUrl,
      },
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

/** What a newcomer would look at first; the stack is not "up" unless each answers. */
async function selfCheck(backendUrl, storefrontUrl, seed, verbose) {
  const checks = [
    [`${backendUrl}/health`, (res) => res.status === 200],
    [`${backendUrl}/app`, (res) => res.status === 200],
    [
      `${backendUrl}/store/portal/businesses/${seed.business_id}`,
      async (res) => res.status === 200 && (await res.json()).business?.name === seed.store_name,
      { "x-publishable-api-key": seed.publishable_key },
    ],
    [`${storefrontUrl}/en/portal`, async (res) => res.status === 200 && /<html(?=[^>]*lang="en")(?=[^>]*dir="ltr")/.test(await res.text())],
    [`${storefrontUrl}/ar/portal`, async (res) => res.status === 200 && /<html(?=[^>]*lang="ar")(?=[^>]*dir="rtl")/.test(await res.text())],
    [`${storefrontUrl}/en/portal/login/${seed.business_id}`, (res) => res.status === 200],
  ]
  for (const [url, ok, headers = {}] of checks) {
    const res = await fetch(url, { headers })
    if (!(await ok(res))) {
      throw new Error(`${url} did not answer as expected (HTTP ${res.status}).`)
    }
    if (verbose) console.log(`  ✓ ${url}`)
  }
}

// `npm run demo`: the store, its admin and the portal storefront on one
// machine with nothing configured.
//  1. PostgreSQL: DATABASE_URL if set, else an embedded server whose data stays
//     in .demo/pg (git-ignored) and is reused next time.
//  2. Medusa: migrate, seed the demo store once, then start it with the plugin.
//  3. The storefront (Next.js): build, then start.
// Prints the URLs and logins and writes them to .demo/info.json. Ctrl-C stops
// everything it started.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { EMBEDDED_PASSWORD, EMBEDDED_USER, isPortFree, startEmbeddedPostgres } from "./lib/embedded-pg.mjs"
import { run, startProcess, waitForUrl } from "./lib/processes.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const demoDir = path.join(root, ".demo")
const infoFile = path.join(demoDir, "info.json")
const seedFile = path.join(demoDir, "seed.json")
const PG_PORT = Number(process.env.DEMO_PG_PORT || 54329)
const BACKEND_PORT = Number(process.env.DEMO_BACKEND_PORT || 9000)
const STOREFRONT_PORT = Number(process.env.DEMO_STOREFRONT_PORT || 8000)
const DB_NAME = "medusa_portal_demo"

const started = []
let embedded = null
let stopping = false

async function stopAll(code) {
  if (stopping) return
  stopping = true
  console.log("\nStopping the demo...")
  await Promise.all(started.map((p) => p.stopGroup()))
  if (embedded) await embedded.stop().catch(() => {})
  process.exit(code)
}
process.on("SIGINT", () => stopAll(0))
process.on("SIGTERM", () => stopAll(0))

function step(message) {
  console.log(`\n▶ ${message}`)
}

async function requireFreePort(port, variable, what) {
  if (!(await isPortFree(port))) {
    throw new Error(`Port ${port} (${what}) is already in use. Stop whatever uses it, or pick another port: ${variable}=<port> npm run demo`)
  }
}

async function main() {
  fs.mkdirSync(demoDir, { recursive: true })
  await requireFreePort(BACKEND_PORT, "DEMO_BACKEND_PORT", "the Medusa server")
  await requireFreePort(STOREFRONT_PORT, "DEMO_STOREFRONT_PORT", "the storefront")

  let databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    step(`Using the database in DATABASE_URL`)
  } else {
    step(`Starting the embedded PostgreSQL (data in .demo/pg, port ${PG_PORT})`)
    await requireFreePort(PG_PORT, "DEMO_PG_PORT", "the embedded PostgreSQL")
    embedded = await startEmbeddedPostgres({ dataDir: path.join(demoDir, "pg"), port: PG_PORT })
    await embedded.createDatabase(DB_NAME)
    databaseUrl = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@localhost:${PG_PORT}/${DB_NAME}`
  }

  const storefrontUrl = `http://localhost:${STOREFRONT_PORT}`
  const backendUrl = `http://localhost:${BACKEND_PORT}`
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(BACKEND_PORT),
    PORTAL_STOREFRONT_URL: storefrontUrl,
    MEDUSA_INSECURE_COOKIES: "true",
    MEDUSA_DISABLE_TELEMETRY: "true",
    DEMO_INFO_FILE: seedFile,
  }

  step("Migrating the database (medusa db:migrate)")
  await run("npx", ["medusa", "db:migrate"], { cwd: root, env })

  step("Seeding the demo store (once; later runs keep your data)")
  await run("npx", ["medusa", "exec", "./scripts/seed.ts"], { cwd: root, env })
  const seed = JSON.parse(fs.readFileSync(seedFile, "utf8"))

  step(`Starting Medusa with the plugin on ${backendUrl}`)
  // `medusa start` runs the TypeScript sources directly; NODE_ENV=development makes it serve the
  // admin (with the plugin's extensions) through the admin bundler. Unlike `medusa develop`, it
  // does not watch the tree, which here includes the storefront and its node_modules.
  const medusa = startProcess("npx", ["medusa", "start"], { cwd: root, env: { ...env, NODE_ENV: "development" } })
  started.push(medusa)

  const storefrontDir = path.join(root, "storefront")
  const storefrontEnv = {
    ...process.env,
    PORT: String(STOREFRONT_PORT),
    MEDUSA_BACKEND_URL: backendUrl,
    MEDUSA_PUBLISHABLE_KEY: seed.publishable_key,
    PORTAL_BUSINESS_ID: seed.business_id,
    NEXT_TELEMETRY_DISABLED: "1",
  }
  step("Building the storefront (next build)")
  await run("npm", ["run", "build"], { cwd: storefrontDir, env: storefrontEnv })
  step(`Starting the storefront on ${storefrontUrl}`)
  const storefront = startProcess("npx", ["next", "start", "-p", String(STOREFRONT_PORT)], { cwd: storefrontDir, env: storefrontEnv })
  started.push(storefront)

  await waitForUrl(`${backendUrl}/health`, { timeoutMs: 180_000, expect: (s) => s === 200, isAlive: () => medusa.alive })
  await waitForUrl(`${storefrontUrl}/en/portal`, { timeoutMs: 60_000, expect: (s) => s === 200, isAlive: () => storefront.alive })

  await selfCheck(backendUrl, storefrontUrl, seed)

  const info = {
    backend_url: backendUrl,
    admin_url: `${backendUrl}/app`,
    storefront_url: storefrontUrl,
    portal_url: `${storefrontUrl}/en/portal`,
    static_login_links: {
      en: `${storefrontUrl}/en/portal/login/${seed.business_id}`,
      ar: `${storefrontUrl}/ar/portal/login/${seed.business_id}`,
    },
    publishable_key: seed.publishable_key,
    business_id: seed.business_id,
    admin: seed.admin,
    customers: seed.customers,
    database_url: databaseUrl,
  }
  fs.writeFileSync(infoFile, JSON.stringify(info, null, 2))

  console.log(`
────────────────────────────────────────────────────────────────────
 ${seed.store_name} — customer portal demo is running

 Admin        ${info.admin_url}
              ${seed.admin.email} / ${seed.admin.password}
 Portal       ${info.portal_url}   (Arabic: ${storefrontUrl}/ar/portal)
 Static link  ${info.static_login_links.en}
 Store API    ${backendUrl}   publishable key ${seed.publishable_key}
 Customers    ${seed.customers.join(", ")}

 All of this is in .demo/info.json. Press Ctrl-C to stop everything.
────────────────────────────────────────────────────────────────────
`)
  if (process.env.DEMO_EXIT_WHEN_READY === "true") {
    await stopAll(0)
  }
}

/** What a newcomer would look at first; the demo refuses to say "running" unless each answers. */
async function selfCheck(backendUrl, storefrontUrl, seed) {
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
  ]
  for (const [url, ok, headers = {}] of checks) {
    const res = await fetch(url, { headers })
    if (!(await ok(res))) {
      throw new Error(`${url} did not answer as expected (HTTP ${res.status}).`)
    }
    console.log(`  ✓ ${url}`)
  }
}

main().catch(async (error) => {
  console.error(`\nThe demo could not start: ${error instanceof Error ? error.message : error}`)
  await stopAll(1)
})

// `npm run demo`: the store, its admin and the portal storefront on one
// machine with nothing configured.
//  1. PostgreSQL: DATABASE_URL if set, else an embedded server whose data stays
//     in .demo/pg (git-ignored) and is reused next time.
//  2. Medusa: migrate, seed the demo store once, then start it with the plugin.
//  3. The storefront (Next.js): build, then start.
// Prints the URLs and logins and writes them to .demo/info.json. Emails are
// written to .demo/emails. Ctrl-C stops everything it started.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { EMBEDDED_PASSWORD, EMBEDDED_USER, isPortFree, startEmbeddedPostgres } from "./lib/embedded-pg.mjs"
import { startStack } from "./lib/stack.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const demoDir = path.join(root, ".demo")
const PG_PORT = Number(process.env.DEMO_PG_PORT || 54329)
const BACKEND_PORT = Number(process.env.DEMO_BACKEND_PORT || 9000)
const STOREFRONT_PORT = Number(process.env.DEMO_STOREFRONT_PORT || 8000)
const DB_NAME = "medusa_portal_demo"

let stack = null
let embedded = null
let stopping = false

async function stopAll(code) {
  if (stopping) return
  stopping = true
  console.log("\nStopping the demo...")
  if (stack) await stack.stop()
  if (embedded) await embedded.stop().catch(() => {})
  process.exit(code)
}
process.on("SIGINT", () => stopAll(0))
process.on("SIGTERM", () => stopAll(0))

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
    console.log("\n▶ Using the database in DATABASE_URL")
  } else {
    console.log(`\n▶ Starting the embedded PostgreSQL (data in .demo/pg, port ${PG_PORT})`)
    await requireFreePort(PG_PORT, "DEMO_PG_PORT", "the embedded PostgreSQL")
    embedded = await startEmbeddedPostgres({ dataDir: path.join(demoDir, "pg"), port: PG_PORT })
    await embedded.createDatabase(DB_NAME)
    databaseUrl = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@localhost:${PG_PORT}/${DB_NAME}`
  }

  stack = await startStack({
    root,
    databaseUrl,
    backendPort: BACKEND_PORT,
    storefrontPort: STOREFRONT_PORT,
    outbox: path.join(demoDir, "emails"),
    seedFile: path.join(demoDir, "seed.json"),
  })
  const { info, seed } = stack
  fs.writeFileSync(path.join(demoDir, "info.json"), JSON.stringify(info, null, 2))

  console.log(`
────────────────────────────────────────────────────────────────────
 ${seed.store_name} — customer portal demo is running

 Admin        ${info.admin_url}
              ${seed.admin.email} / ${seed.admin.password}
 Static link  ${info.static_login_links.en}
              (Arabic: ${info.static_login_links.ar})
              Sign in with ${seed.customers.join(", ")}
 Emails       .demo/emails — each email is an .html and a .txt file there
 Store API    ${info.backend_url}   publishable key ${seed.publishable_key}

 All of this is in .demo/info.json. Press Ctrl-C to stop everything.
────────────────────────────────────────────────────────────────────
`)
  if (process.env.DEMO_EXIT_WHEN_READY === "true") {
    await stopAll(0)
  }
}

main().catch(async (error) => {
  console.error(`\nThe demo could not start: ${error instanceof Error ? error.message : error}`)
  await stopAll(1)
})

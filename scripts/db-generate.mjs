// `npm run db:generate`: writes a migration for what changed in the module's
// models. MikroORM diffs the models against a database that already has every
// committed migration, so this migrates a scratch database first (on
// DATABASE_URL's or DB_HOST's server, or an embedded one) and drops it after.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { configuredDatabase, createDatabaseOn, databaseUrlOn, dropDatabaseOn } from "./lib/database-env.mjs"
import { EMBEDDED_PASSWORD, EMBEDDED_USER, findFreePort, startEmbeddedPostgres } from "./lib/embedded-pg.mjs"
import { run } from "./lib/processes.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const dbName = `portal_generate_${Date.now()}`
let embedded = null
let dataDir = null
let server = configuredDatabase()

try {
  if (!server) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-generate-pg-"))
    fs.chmodSync(dataDir, 0o777)
    const port = await findFreePort(54600)
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port })
    server = { DB_HOST: "localhost", DB_PORT: String(port), DB_USERNAME: EMBEDDED_USER, DB_PASSWORD: EMBEDDED_PASSWORD }
  }
  await createDatabaseOn(server, dbName)
  const env = { ...process.env, ...server, DATABASE_URL: databaseUrlOn(server, dbName) }
  try {
    await run("npx", ["medusa", "db:migrate", "--skip-links", "--skip-scripts"], { cwd: root, env })
    await run("npx", ["medusa", "plugin:db:generate"], { cwd: root, env })
  } finally {
    await dropDatabaseOn(server, dbName)
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  if (embedded) await embedded.stop().catch(() => {})
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
}

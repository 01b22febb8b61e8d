// `npm run db:generate`: writes a migration for what changed in the module's
// models. MikroORM diffs the models against a database that already has every
// committed migration, so this migrates a scratch database first (on
// DATABASE_URL's or DB_HOST's server, or an embedded one) and drops it after.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { configuredDatabase } from "./lib/database-env.mjs"
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
  const admin = () =>
    new pg.Client({ host: server.DB_HOST, port: Number(server.DB_PORT), user: server.DB_USERNAME, password: server.DB_PASSWORD, database: "postgres" })
  const client = admin()
  await client.connect()
  await client.query(`CREATE DATABASE "${dbName}"`)
  await client.end()
  const auth = server.DB_PASSWORD ? `${server.DB_USERNAME}:${encodeURIComponent(server.DB_PASSWORD)}` : server.DB_USERNAME
  const env = { ...process.env, ...server, DATABASE_URL: `postgres://${auth}@${server.DB_HOST}:${server.DB_PORT}/${dbName}` }
  try {
    await run("npx", ["medusa", "db:migrate", "--skip-links", "--skip-scripts"], { cwd: root, env })
    await run("npx", ["medusa", "plugin:db:generate"], { cwd: root, env })
  } finally {
    const drop = admin()
    await drop.connect()
    await drop.query(`DROP DATABASE IF EXISTS "${dbName}"`)
    await drop.end()
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  if (embedded) await embedded.stop().catch(() => {})
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
}

// The fault-injection tests' store: a fresh database, migrated and seeded with
// the demo data. The tests start (and kill, and restart) the Medusa server
// themselves, connected to PostgreSQL through a proxy that can break its
// connections (integration-tests/helpers/pg-fault-proxy.ts).
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { createDatabaseOn, databaseUrlOn, dropDatabaseOn } from "./database-env.mjs"
import { run } from "./processes.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")

export async function startFaultsStack(dbEnv) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-faults-"))
  const dbName = `portal_faults_${Date.now()}`
  await createDatabaseOn(dbEnv, dbName)
  const env = { ...process.env, DATABASE_URL: databaseUrlOn(dbEnv, dbName), DEMO_INFO_FILE: path.join(work, "seed.json"), MEDUSA_DISABLE_TELEMETRY: "true" }
  delete env.DB_HOST
  delete env.REDIS_URL
  const stop = async () => {
    await dropDatabaseOn(dbEnv, dbName).catch(() => {})
    fs.rmSync(work, { recursive: true, force: true })
  }
  const log = path.join(work, "setup.log")
  try {
    process.stdout.write("Preparing a seeded database for the fault-injection tests... ")
    const fd = fs.openSync(log, "a")
    await run("npx", ["medusa", "db:migrate"], { cwd: root, env, stdio: ["ignore", fd, fd] })
    await run("npx", ["medusa", "exec", "./scripts/seed.ts"], { cwd: root, env, stdio: ["ignore", fd, fd] })
    console.log("ready.")
    const infoFile = path.join(work, "faults.json")
    fs.writeFileSync(
      infoFile,
      JSON.stringify({ root, work, database_url: env.DATABASE_URL, seed: JSON.parse(fs.readFileSync(env.DEMO_INFO_FILE, "utf8")) })
    )
    return { env: { FAULTS_INFO: infoFile }, stop }
  } catch (error) {
    console.error("failed.")
    console.error(fs.existsSync(log) ? fs.readFileSync(log, "utf8").slice(-4000) : "")
    await stop()
    throw error
  }
}

// The scale-out tests' store: two Medusa server instances and one worker on
// Redis (events, workflows, caching, locks) against one PostgreSQL database,
// as in production. Each process logs to its own file, printed when a start
// fails.
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { createDatabaseOn, databaseUrlOn, dropDatabaseOn } from "./database-env.mjs"
import { findFreePort } from "./embedded-pg.mjs"
import { run, startProcess, waitForUrl } from "./processes.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")

/** The Redis the suite uses: REDIS_URL, else the usual local one. */
export const clusterRedisUrl = () => process.env.REDIS_URL || "redis://127.0.0.1:6379"

/** Whether a Redis answers at `url` (PING). */
export async function redisAnswers(url) {
  const { default: Redis } = await import("ioredis")
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2000 })
  client.on("error", () => {})
  try {
    await client.connect()
    return (await client.ping()) === "PONG"
  } catch {
    return false
  } finally {
    client.disconnect()
  }
}

/** A Redis database of its own for one run (1–15), emptied before and after, so queues of other runs never mix in. */
export async function freshRedisDatabase(url) {
  const { default: Redis } = await import("ioredis")
  const base = new URL(url)
  const db = 1 + (process.pid % 15)
  base.pathname = `/${db}`
  const redisUrl = base.toString()
  const flush = async () => {
    const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 })
    await client.flushdb()
    client.disconnect()
  }
  await flush()
  return { redisUrl, flush }
}

export async function startClusterStack(dbEnv) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-cluster-"))
  const dbName = `portal_cluster_${Date.now()}`
  await createDatabaseOn(dbEnv, dbName)
  const { redisUrl, flush } = await freshRedisDatabase(clusterRedisUrl())
  const outbox = path.join(work, "emails")
  const started = []
  const logs = []
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrlOn(dbEnv, dbName),
    REDIS_URL: redisUrl,
    PORTAL_EMAIL_OUTBOX: outbox,
    DEMO_INFO_FILE: path.join(work, "seed.json"),
    MEDUSA_DISABLE_ADMIN: "true",
    MEDUSA_DISABLE_TELEMETRY: "true",
    MEDUSA_FF_CACHING: "true",
    LOG_LEVEL: "info",
    // Started with NODE_ENV=production: secrets that pass the production check, the portal in test
    // mode as the tests expect, and a live storefront on https (required in production).
    JWT_SECRET: process.env.JWT_SECRET || randomBytes(36).toString("base64"),
    COOKIE_SECRET: process.env.COOKIE_SECRET || randomBytes(36).toString("base64"),
    PORTAL_MODE: process.env.PORTAL_MODE || "test",
    PORTAL_LIVE_STOREFRONT_URL: process.env.PORTAL_LIVE_STOREFRONT_URL || "https://storefront.invalid",
    // A staging store: the test card provider loads, and the manual provider's orders are test ones as in development.
    PORTAL_TEST_CARDS_IN_PRODUCTION: "true",
    PORTAL_TEST_PAYMENT_PROVIDERS: "pp_system_default",
    // The tests reach the servers from loopback as the load balancer would, naming each client in X-Forwarded-For.
    PORTAL_TRUSTED_PROXIES: "127.0.0.1,::1",
  }
  delete env.DB_HOST
  const stop = async () => {
    await Promise.all(started.map((p) => p.stopGroup()))
    await flush().catch(() => {})
    await dropDatabaseOn(dbEnv, dbName).catch(() => {})
    fs.rmSync(work, { recursive: true, force: true })
  }
  const output = (name) => {
    const file = path.join(work, `${name}.log`)
    const fd = fs.openSync(file, "a")
    logs.push({ name, file })
    return ["ignore", fd, fd]
  }
  try {
    process.stdout.write("Starting two Medusa servers and a worker on Redis for the scale-out tests... ")
    await run("npx", ["medusa", "db:migrate"], { cwd: root, env, stdio: output("migrate") })
    await run("npx", ["medusa", "exec", "./scripts/seed.ts"], { cwd: root, env, stdio: output("seed") })
    const processes = [
      // The servers answer HTTP only; the worker runs subscribers and scheduled jobs (the renewal job every 5 s here).
      { name: "server-a", mode: "server", port: await findFreePort(9610) },
      { name: "server-b", mode: "server", port: await findFreePort(9620) },
      { name: "worker", mode: "worker", port: await findFreePort(9630), extra: { PORTAL_RENEWAL_SCHEDULE: "*/5 * * * * *" } },
    ]
    for (const p of processes) {
      p.process = startProcess("npx", ["medusa", "start"], {
        cwd: root,
        env: { ...env, ...(p.extra ?? {}), NODE_ENV: "production", PORT: String(p.port), MEDUSA_WORKER_MODE: p.mode },
        stdio: output(p.name),
      })
      started.push(p.process)
    }
    for (const p of processes) {
      await waitForUrl(`http://localhost:${p.port}/health`, { timeoutMs: 240_000, expect: (s) => s === 200, isAlive: () => p.process.alive })
    }
    console.log("ready.")
    const infoFile = path.join(work, "cluster.json")
    const seed = JSON.parse(fs.readFileSync(env.DEMO_INFO_FILE, "utf8"))
    fs.writeFileSync(
      infoFile,
      JSON.stringify({
        servers: processes.filter((p) => p.mode === "server").map((p) => `http://localhost:${p.port}`),
        worker: `http://localhost:${processes[2].port}`,
        database_url: env.DATABASE_URL,
        outbox,
        seed,
        logs,
      })
    )
    return { env: { CLUSTER_INFO: infoFile }, stop }
  } catch (error) {
    console.error("failed.")
    for (const { name, file } of logs) console.error(`--- ${name} ---\n${fs.readFileSync(file, "utf8").slice(-4000)}`)
    await stop()
    throw error
  }
}

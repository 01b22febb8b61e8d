// `npm run bench`: the portal's speed, measured on this machine and written to
// BENCHMARKS.md.
//  - a fresh database (DATABASE_URL/DB_HOST's server, else an embedded one),
//    migrated and seeded with customers whose billing histories differ only
//    in length (10 and 5,000 invoices), each with a portal session;
//  - one Medusa server (production mode, no admin), loaded with autocannon at
//    a fixed concurrency: GET /health as the framework's floor, the invoice
//    list for both customers, a filtered list and a PDF download;
//  - PDF rendering on one core without HTTP (median and PDFs per second).
// Options (env): BENCH_DURATION seconds per scenario (10), BENCH_CONNECTIONS (10).
import autocannon from "autocannon"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { configuredDatabase, createDatabaseOn, databaseUrlOn, dropDatabaseOn } from "./lib/database-env.mjs"
import { EMBEDDED_PASSWORD, EMBEDDED_USER, findFreePort, startEmbeddedPostgres } from "./lib/embedded-pg.mjs"
import { run, startProcess, waitForUrl } from "./lib/processes.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const DURATION = Number(process.env.BENCH_DURATION || 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
const HISTORIES = [10, 5000]

const cleanups = []
async function cleanup() {
  while (cleanups.length) await cleanups.pop()().catch(() => {})
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await cleanup()
    process.exit(130)
  })
}

const step = (message) => console.log(`\n▶ ${message}`)

/** Percentile of sorted samples (nearest rank). */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]

/** One scenario: DURATION seconds at CONNECTIONS, every latency recorded. */
async function load({ name, url, headers = {} }) {
  const latencies = []
  let failures = 0
  const instance = autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION })
  instance.on("response", (_client, status, _bytes, ms) => {
    latencies.push(ms)
    if (status >= 400) failures++
  })
  const result = await instance
  latencies.sort((a, b) => a - b)
  const row = {
    name,
    requests: latencies.length,
    failures: failures + result.errors + result.timeouts,
    rps: latencies.length / DURATION,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  }
  console.log(`  ${name}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms${row.failures ? `, ${row.failures} failed` : ""}`)
  return row
}

async function main() {
  let dbEnv = configuredDatabase()
  if (!dbEnv) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-pg-"))
    fs.chmodSync(dir, 0o777)
    const port = await findFreePort(54500)
    step(`No DB_HOST or DATABASE_URL: starting an embedded PostgreSQL on port ${port}`)
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port })
    cleanups.push(async () => {
      await embedded.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    })
    dbEnv = { DB_HOST: "localhost", DB_PORT: String(port), DB_USERNAME: EMBEDDED_USER, DB_PASSWORD: EMBEDDED_PASSWORD }
  }
  const dbName = `portal_bench_${Date.now()}`
  await createDatabaseOn(dbEnv, dbName)
  cleanups.push(() => dropDatabaseOn(dbEnv, dbName))

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-"))
  cleanups.push(async () => fs.rmSync(work, { recursive: true, force: true }))
  const backendPort = await findFreePort(9500)
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrlOn(dbEnv, dbName),
    PORT: String(backendPort),
    MEDUSA_DISABLE_ADMIN: "true",
    MEDUSA_DISABLE_TELEMETRY: "true",
    PORTAL_EMAIL_OUTBOX: path.join(work, "emails"),
    BENCH_INFO_FILE: path.join(work, "seed.json"),
    BENCH_HISTORIES: HISTORIES.join(","),
    LOG_LEVEL: "error",
  }
  delete env.DB_HOST

  step("Migrating and seeding (customers with 10 and 5,000 invoices)")
  await run("npx", ["medusa", "db:migrate"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] })
  await run("npx", ["medusa", "exec", "./scripts/bench-seed.ts"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] })
  const seed = JSON.parse(fs.readFileSync(env.BENCH_INFO_FILE, "utf8"))

  step(`Starting one Medusa server (production mode) on port ${backendPort}`)
  const server = startProcess("npx", ["medusa", "start"], { cwd: root, env: { ...env, NODE_ENV: "production" }, stdio: ["ignore", "ignore", "inherit"] })
  cleanups.push(() => server.stopGroup())
  const base = `http://localhost:${backendPort}`
  await waitForUrl(`${base}/health`, { timeoutMs: 180_000, expect: (s) => s === 200, isAlive: () => server.alive })

  step(`Load: ${CONNECTIONS} connections, ${DURATION} s per scenario, autocannon`)
  const as = (customer) => ({ "x-publishable-api-key": seed.publishable_key, authorization: `Bearer ${customer.token}` })
  const [light, heavy] = seed.customers
  const scenarios = [
    { name: "GET /health (floor)", url: `${base}/health` },
    { name: `GET /store/portal/invoices, ${light.invoices} invoices`, url: `${base}/store/portal/invoices?limit=10`, headers: as(light) },
    { name: `GET /store/portal/invoices, ${heavy.invoices} invoices`, url: `${base}/store/portal/invoices?limit=10`, headers: as(heavy) },
    { name: `GET /store/portal/invoices?status=open, ${heavy.invoices} invoices`, url: `${base}/store/portal/invoices?limit=10&status=open`, headers: as(heavy) },
    { name: `GET /store/portal/invoices (page 250), ${heavy.invoices} invoices`, url: `${base}/store/portal/invoices?limit=10&offset=2490`, headers: as(heavy) },
    { name: "GET /store/portal/invoices/:id/pdf", url: `${base}/store/portal/invoices/${heavy.invoice_id}/pdf`, headers: as(heavy) },
  ]
  // Every path warmed (JIT, connection pool, caches) before any is measured, so order does not matter.
  for (const { url, headers } of scenarios) await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 })
  const rows = []
  for (const scenario of scenarios) rows.push(await load(scenario))

  step("PDF rendering on one core, without HTTP")
  let pdfOutput = ""
  await new Promise((resolve, reject) => {
    const child = startProcess("npx", ["ts-node", "--swc", "-P", "tsconfig.json", "scripts/bench-pdf.ts"], {
      cwd: root,
      env: process.env,
      stdio: ["ignore", "pipe", "inherit"],
      detached: false,
    })
    child.stdout.on("data", (chunk) => (pdfOutput += chunk))
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error("The PDF benchmark failed."))))
  })
  const pdf = JSON.parse(pdfOutput)
  for (const [locale, r] of Object.entries(pdf)) {
    console.log(`  ${locale}: median ${r.median_ms.toFixed(1)} ms, p95 ${r.p95_ms.toFixed(1)} ms, ${r.per_second.toFixed(0)} PDFs/s on one core`)
  }

  const ratio = rows[2].p50 / rows[1].p50
  const rpsRatio = rows[1].rps / rows[2].rps
  console.log(`\n  Invoice list, ${heavy.invoices} vs ${light.invoices} invoices: p50 ×${ratio.toFixed(2)}, throughput ×${rpsRatio.toFixed(2)}`)
  writeReport({ rows, pdf, ratio, rpsRatio, light, heavy })
  console.log(`\nWrote ${path.relative(process.cwd(), path.join(root, "BENCHMARKS.md"))}.`)
}

function writeReport({ rows, pdf, ratio, rpsRatio, light, heavy }) {
  const cpus = os.cpus()
  const fmt = (n, digits = 1) => n.toFixed(digits)
  const lines = [
    "# Benchmarks",
    "",
    "Measured by `npm run bench` on one machine, one Medusa server in production mode (admin off) and",
    "PostgreSQL on the same machine. Every number below is from the last run; rerun it to measure your own.",
    "",
    `- Run: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `- Machine: ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, ${os.type()} ${os.release()}`,
    `- Node.js ${process.version}; load from autocannon on the same machine: ${CONNECTIONS} connections, ${DURATION} s per row after a 2 s warm-up of every row`,
    "",
    "## HTTP",
    "",
    "| Request | req/s | p50 ms | p95 ms | p99 ms | failed |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map((r) => `| ${r.name} | ${fmt(r.rps, 0)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.failures} |`),
    "",
    `**The invoice list does not grow with the history**: with ${heavy.invoices} invoices its p50 is ×${fmt(ratio, 2)} and its throughput`,
    `÷${fmt(rpsRatio, 2)} of the same list with ${light.invoices} invoices. It answers from the (customer_id, issued_at) index and`,
    "one page of rows; the count uses the same index.",
    "",
    "## PDF rendering (one core, no HTTP)",
    "",
    "A one-page invoice with three lines, a discount, shipping and tax; fonts parsed once per process.",
    "",
    "| Language | median ms | p95 ms | PDFs/s per core | size |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...Object.entries(pdf).map(
      ([locale, r]) => `| ${locale === "ar" ? "Arabic" : "English"} | ${fmt(r.median_ms)} | ${fmt(r.p95_ms)} | ${fmt(r.per_second, 0)} | ${fmt(r.bytes / 1024, 0)} KiB |`
    ),
    "",
  ]
  fs.writeFileSync(path.join(root, "BENCHMARKS.md"), lines.join("\n"))
}

main()
  .then(cleanup)
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error)
    await cleanup()
    process.exit(1)
  })

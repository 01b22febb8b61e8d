// `npm test`: unit, module and HTTP integration tests with jest.
// With DB_HOST or DATABASE_URL set, tests use that PostgreSQL; otherwise an
// embedded PostgreSQL is started in a temporary folder and removed afterwards,
// so the suite passes on a machine with no database at all.
//   npm test                 every suite
//   npm test -- unit http    some suites; other arguments go to jest
// The cluster suite starts two Medusa servers and a worker on Redis (REDIS_URL,
// else 127.0.0.1:6379) against one fresh database. Without a Redis it is not
// run and says so, except in CI (CI=true), where that is a failure.
// The faults suite runs a Medusa server through a proxy that breaks its
// database connections on cue, kills it mid-payment and starts it again.
// The e2e suite brings up the whole store (Medusa, admin, storefront) on a
// fresh database and drives Debian's Chromium through it.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { run } from "./lib/processes.mjs"
import { startE2eStack } from "./lib/e2e-stack.mjs"
import { clusterRedisUrl, redisAnswers, startClusterStack } from "./lib/cluster-stack.mjs"
import { startFaultsStack } from "./lib/faults-stack.mjs"
import { configuredDatabase } from "./lib/database-env.mjs"
import { EMBEDDED_PASSWORD, EMBEDDED_USER, findFreePort, startEmbeddedPostgres } from "./lib/embedded-pg.mjs"

const SUITES = ["unit", "modules", "http", "faults", "cluster", "e2e"]
const args = process.argv.slice(2)
const suites = args.filter((a) => SUITES.includes(a))
const jestArgs = args.filter((a) => !SUITES.includes(a))

let embedded = null
let dataDir = null
let dbEnv = configuredDatabase()

async function cleanup() {
  if (embedded) {
    await embedded.stop().catch(() => {})
    embedded = null
  }
  if (dataDir) {
    fs.rmSync(dataDir, { recursive: true, force: true })
    dataDir = null
  }
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await cleanup()
    process.exit(130)
  })
}

try {
  const wanted = suites.length ? suites : SUITES
  const needsDb = wanted.some((s) => s !== "unit")
  if (needsDb && !dbEnv) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-test-pg-"))
    // The embedded server runs as its own OS user when we are root; it must own the folder's parent.
    fs.chmodSync(dataDir, 0o777)
    const port = await findFreePort(Number(process.env.EMBEDDED_PG_PORT || 54400))
    process.stdout.write(`No DB_HOST or DATABASE_URL: starting an embedded PostgreSQL on port ${port}... `)
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port })
    console.log("started.")
    dbEnv = { DB_HOST: "localhost", DB_PORT: String(port), DB_USERNAME: EMBEDDED_USER, DB_PASSWORD: EMBEDDED_PASSWORD }
  }

  let failed = false
  for (const suite of wanted) {
    console.log(`\n=== ${suite} tests ===`)
    // The processes a suite tests against (the browser tests' store, the scale-out cluster), if any.
    let stack = null
    if (suite === "cluster" && !(await redisAnswers(clusterRedisUrl()))) {
      const message = `No Redis answers at ${clusterRedisUrl()}: the scale-out tests need one (start Redis, or set REDIS_URL).`
      if (process.env.CI) {
        console.error(message)
        failed = true
      } else {
        console.log(`${message} Not run.`)
      }
      continue
    }
    if (suite === "e2e" || suite === "cluster" || suite === "faults") {
      try {
        stack = await { e2e: startE2eStack, cluster: startClusterStack, faults: startFaultsStack }[suite](dbEnv)
      } catch (error) {
        console.error(error instanceof Error ? error.message : error)
        failed = true
        continue
      }
    }
    // Asynchronous on purpose: the embedded server's output pipes are drained by this event
    // loop; blocking it (spawnSync) lets them fill up and the server stalls mid-suite.
    await run(process.execPath, [path.join("node_modules", "jest", "bin", "jest.js"), "--runInBand", "--forceExit", ...jestArgs], {
      env: { ...process.env, ...(dbEnv ?? {}), ...(stack?.env ?? {}), TEST_TYPE: suite, NODE_OPTIONS: "--experimental-vm-modules" },
    }).catch(() => {
      failed = true
    })
    if (stack) await stack.stop()
  }
  await cleanup()
  process.exit(failed ? 1 : 0)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  await cleanup()
  process.exit(1)
}

// The browser tests' store: the whole stack on a fresh database of the test
// server, with emails written to a temporary folder. Its server logs go to
// a file, printed only when it fails to start.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { createDatabaseOn, databaseUrlOn, dropDatabaseOn } from "./database-env.mjs"
import { findFreePort } from "./embedded-pg.mjs"
import { startStack } from "./stack.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")
const BROWSERS = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

export function findChromium() {
  return BROWSERS.find((p) => p && fs.existsSync(p))
}

export async function startE2eStack(dbEnv) {
  const chromium = findChromium()
  if (!chromium) {
    throw new Error(
      "The browser tests need Chromium: install Debian's (`apt-get install chromium`) or set CHROMIUM_PATH. " +
        "To run the other suites only: npm test -- unit modules http"
    )
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-"))
  const logFile = path.join(work, "servers.log")
  const log = fs.openSync(logFile, "a")
  const dbName = `portal_e2e_${Date.now()}`
  await createDatabaseOn(dbEnv, dbName)
  const outbox = path.join(work, "emails")
  process.stdout.write("Starting the store, admin and storefront for the browser tests... ")
  let stack
  try {
    stack = await startStack({
      root,
      databaseUrl: databaseUrlOn(dbEnv, dbName),
      backendPort: await findFreePort(9400),
      storefrontPort: await findFreePort(8400),
      outbox,
      seedFile: path.join(work, "seed.json"),
      stdio: ["ignore", log, log],
    })
  } catch (error) {
    console.error(`failed. Server output:\n${fs.readFileSync(logFile, "utf8").slice(-6000)}`)
    throw error
  }
  console.log("ready.")
  const infoFile = path.join(work, "info.json")
  fs.writeFileSync(infoFile, JSON.stringify({ ...stack.info, chromium, server_log: logFile }, null, 2))
  return {
    env: { E2E_INFO: infoFile },
    async stop() {
      await stack.stop()
      await dropDatabaseOn(dbEnv, dbName).catch(() => {})
      fs.closeSync(log)
      fs.rmSync(work, { recursive: true, force: true })
    },
  }
}

// Proves the plugin installs like a published one (S5): build it, `npm pack`
// it, install the tarball into a new, clean Medusa app that lists it in
// `plugins`, migrate, boot, and check that the app answers /health and serves
// the plugin's routes and admin.
//   npm run smoke:install [-- --skip-build] [-- --keep]
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { configuredDatabase, createDatabaseOn, databaseUrlOn } from "./lib/database-env.mjs"
import { EMBEDDED_PASSWORD, EMBEDDED_USER, findFreePort, startEmbeddedPostgres } from "./lib/embedded-pg.mjs"
import { run, startProcess, waitForUrl } from "./lib/processes.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const args = new Set(process.argv.slice(2))
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
const medusaVersion = pkg.devDependencies["@medusajs/medusa"]
const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-smoke-"))
fs.chmodSync(work, 0o777)
const app = path.join(work, "app")
let embedded = null
let server = null

function step(message) {
  console.log(`\n▶ ${message}`)
}

async function database() {
  const dbName = `portal_smoke_${Date.now()}`
  const configured = configuredDatabase()
  if (configured) {
    await createDatabaseOn(configured, dbName)
    return databaseUrlOn(configured, dbName)
  }
  const port = await findFreePort(54500)
  embedded = await startEmbeddedPostgres({ dataDir: path.join(work, "pg"), port })
  await embedded.createDatabase(dbName)
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@localhost:${port}/${dbName}`
}

async function main() {
  if (!args.has("--skip-build")) {
    step("Building the plugin (medusa plugin:build)")
    await run("npx", ["medusa", "plugin:build"], { cwd: root })
  }

  step("Packing it (npm pack)")
  await run("npm", ["pack", "--pack-destination", work, "--silent"], { cwd: root, env: { ...process.env, SKIP_STOREFRONT_INSTALL: "true" } })
  const tarball = fs.readdirSync(work).find((f) => f.endsWith(".tgz"))
  const listing = (await import("node:child_process")).execFileSync("tar", ["-tzf", path.join(work, tarball)], { encoding: "utf8" })
  for (const must of ["package/.medusa/server/src/modules/customer-portal/index.js", "package/.medusa/server/src/admin/index.mjs"]) {
    if (!listing.includes(must)) throw new Error(`The tarball lacks ${must}.`)
  }
  if (/package\/(src|storefront|integration-tests|scripts)\//.test(listing)) {
    throw new Error("The tarball ships development files; `files` in package.json should hold only .medusa/server.")
  }

  step(`Creating a clean Medusa ${medusaVersion} app in ${app}`)
  fs.mkdirSync(path.join(app, "src"), { recursive: true })
  const appPkg = {
    name: "portal-smoke-store",
    private: true,
    dependencies: {
      "@medusajs/admin-sdk": medusaVersion,
      "@medusajs/cli": medusaVersion,
      "@medusajs/framework": medusaVersion,
      "@medusajs/medusa": medusaVersion,
      "medusa-customer-portal": `file:../${tarball}`,
    },
    devDependencies: {
      "@swc/core": pkg.devDependencies["@swc/core"],
      "@types/node": pkg.devDependencies["@types/node"],
      react: pkg.devDependencies.react,
      "react-dom": pkg.devDependencies["react-dom"],
      "ts-node": pkg.devDependencies["ts-node"],
      typescript: pkg.devDependencies.typescript,
      vite: pkg.devDependencies.vite,
      yalc: pkg.devDependencies.yalc,
    },
    allowScripts: pkg.allowScripts,
  }
  fs.writeFileSync(path.join(app, "package.json"), JSON.stringify(appPkg, null, 2))
  fs.writeFileSync(
    path.join(app, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2021", module: "Node16", moduleResolution: "Node16", esModuleInterop: true, skipLibCheck: true, experimentalDecorators: true, emitDecoratorMetadata: true, outDir: "./.medusa/server", jsx: "react-jsx" },
      include: ["./src/**/*", "./medusa-config.ts"],
      "ts-node": { swc: true },
    })
  )
  fs.writeFileSync(
    path.join(app, "medusa-config.ts"),
    `import { defineConfig } from "@medusajs/framework/utils"

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { storeCors: "*", adminCors: "*", authCors: "*", jwtSecret: "smoke", cookieSecret: "smoke" },
  },
  plugins: [
    {
      resolve: "medusa-customer-portal",
      options: { storefrontUrl: "https://portal.shop.example", mode: "test" },
    },
  ],
})
`
  )

  step("Installing the app and the packed plugin (npm install)")
  await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: app })

  const databaseUrl = await database()
  const env = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "development", MEDUSA_DISABLE_TELEMETRY: "true" }
  delete env.DB_HOST

  step("Migrating (medusa db:migrate)")
  await run("npx", ["medusa", "db:migrate"], { cwd: app, env })
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const { rows } = await client.query(
    "SELECT table_name FROM information_schema.tables WHERE table_name = ANY($1) ORDER BY table_name",
    [["customer_portal", "invoice", "license_key", "portal_link", "portal_session", "subscription"]]
  )
  await client.end()
  if (rows.length !== 6) {
    throw new Error(`Migrations did not create the plugin's tables (found: ${rows.map((r) => r.table_name).join(", ")}).`)
  }

  const port = await findFreePort(9300)
  step(`Booting the app (medusa develop) on port ${port}`)
  server = startProcess("npx", ["medusa", "develop"], { cwd: app, env: { ...env, PORT: String(port) } })
  const base = `http://localhost:${port}`
  await waitForUrl(`${base}/health`, { timeoutMs: 180_000, expect: (s) => s === 200, isAlive: () => server.alive })
  const checks = [
    ["/health", 200],
    ["/app", 200],
    ["/admin/customer-portal", 401],
  ]
  for (const [route, status] of checks) {
    const res = await fetch(`${base}${route}`, { redirect: "follow" })
    if (res.status !== status) throw new Error(`GET ${route} answered ${res.status}, expected ${status}.`)
    console.log(`  GET ${route} → ${res.status}`)
  }
  console.log("\nInstall smoke test passed: the packed plugin installs, migrates and boots in a clean Medusa app.")
}

let failed = false
try {
  await main()
} catch (error) {
  failed = true
  console.error(`\nInstall smoke test failed: ${error instanceof Error ? error.message : error}`)
} finally {
  if (server) await server.stopGroup()
  if (embedded) await embedded.stop().catch(() => {})
  if (!args.has("--keep")) fs.rmSync(work, { recursive: true, force: true })
  else console.log(`Kept ${work}`)
}
process.exit(failed ? 1 : 0)

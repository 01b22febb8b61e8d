// Installs the storefront's own dependencies after the plugin's, so one
// `npm install` at the root prepares everything `npm run demo` and `npm test`
// need. The storefront (Next.js, React 19) is a separate package from the
// plugin (React 18 for the Medusa admin), with its own node_modules.
// Runs as `prepare`, which npm runs for a local install but not when the
// plugin is installed into a store as a dependency.
import { spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const storefront = path.join(root, "storefront")
const skip = process.env.SKIP_STOREFRONT_INSTALL === "true" || ["pack", "publish"].includes(process.env.npm_command)

if (skip || !fs.existsSync(path.join(storefront, "package.json"))) {
  process.exit(0)
}
console.log("Installing the storefront's dependencies (storefront/)...")
const result = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: storefront, stdio: "inherit" })
process.exit(result.status ?? 1)

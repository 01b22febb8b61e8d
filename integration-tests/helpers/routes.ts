import fs from "node:fs"
import path from "node:path"

const API_DIR = path.join(__dirname, "..", "..", "src", "api")
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const

/** Every route the plugin serves, read from its route files: "METHOD /path/:param", sorted. */
export function routeTree(): string[] {
  const routes: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8")
        const url = "/" + path.relative(API_DIR, dir).split(path.sep).map((part) => part.replace(/^\[(.+)\]$/, ":$1")).join("/")
        for (const method of METHODS) if (new RegExp(`^export const ${method}\\b`, "m").test(source)) routes.push(`${method} ${url}`)
      }
    }
  }
  walk(API_DIR)
  return routes.sort()
}

/** A route pattern with its parameters filled in (unknown ones get a harmless placeholder). */
export const fillRoute = (route: string, params: Record<string, string>) =>
  route.replace(/:([a-z_]+)/g, (_, name) => params[name] ?? `unknown_${name}`)

import { spawn, type ChildProcess } from "node:child_process"
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import net from "node:net"

/** A `medusa start` process of the store, in its own process group, logging to a file. */
export type ServerProcess = {
  url: string
  /** Ends the process group at once, as a crash or an OOM kill would: no shutdown hooks run. */
  kill(): Promise<void>
  /** Stops it the polite way. */
  stop(): Promise<void>
  /** The end of its log, for a failing test's message. */
  log(): string
}

export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/**
 * What boot requires under NODE_ENV=production (src/lib/production-checks.ts, the portal's
 * options): real secrets and a live storefront on https; the portal stays in test mode.
 */
const PRODUCTION_DEFAULTS = {
  // One pair for every start of the run: a restarted server still accepts the tokens of the one before.
  JWT_SECRET: randomBytes(36).toString("base64"),
  COOKIE_SECRET: randomBytes(36).toString("base64"),
  PORTAL_MODE: "test",
  PORTAL_LIVE_STOREFRONT_URL: "https://storefront.invalid",
  // A staging store: the test card provider loads, and the manual provider's orders are test ones as in development.
  PORTAL_TEST_CARDS_IN_PRODUCTION: "true",
  PORTAL_TEST_PAYMENT_PROVIDERS: "pp_system_default",
}

export async function startServer(options: { cwd: string; env: Record<string, string | undefined>; logFile: string }): Promise<ServerProcess> {
  const port = await freePort()
  const fd = fs.openSync(options.logFile, "a")
  const child: ChildProcess = spawn("npx", ["medusa", "start"], {
    cwd: options.cwd,
    env: { ...PRODUCTION_DEFAULTS, ...process.env, ...options.env, PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", fd, fd],
    detached: true,
  })
  let alive = true
  const exited = new Promise<void>((resolve) =>
    child.on("exit", () => {
      alive = false
      resolve()
    })
  )
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name)
    } catch {
      // already gone
    }
  }
  const server: ServerProcess = {
    url: `http://127.0.0.1:${port}`,
    kill: async () => {
      signal("SIGKILL")
      await exited
    },
    stop: async () => {
      if (!alive) return
      signal("SIGTERM")
      const timer = setTimeout(() => signal("SIGKILL"), 8_000)
      await exited
      clearTimeout(timer)
    },
    log: () => fs.readFileSync(options.logFile, "utf8").slice(-3000),
  }
  const deadline = Date.now() + 180_000
  for (;;) {
    if (!alive) throw new Error(`The server exited before answering:\n${server.log()}`)
    const ok = await fetch(`${server.url}/health`)
      .then((r) => r.status === 200)
      .catch(() => false)
    if (ok) return server
    if (Date.now() > deadline) {
      await server.kill()
      throw new Error(`The server did not answer within 180 s:\n${server.log()}`)
    }
    await new Promise((r) => setTimeout(r, 500))
  }
}

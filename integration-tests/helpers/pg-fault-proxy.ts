import net from "node:net"

/**
 * A TCP proxy in front of PostgreSQL that can break the connection carrying a
 * chosen statement: the server under test connects through it, and a test
 * arms a fault — "the next `UPDATE "invoice"` that marks one paid" — which
 * either drops that connection before the statement reaches the database (a
 * connection lost mid-workflow) or holds it there (the moment to kill the
 * server). Everything else passes through untouched.
 *
 * It reads the client's side of PostgreSQL's wire protocol: simple queries
 * (`Q`) and the extended protocol's Parse (`P`, the statement's text) and
 * Bind (`B`, when the statement runs). MikroORM writes the values into the
 * statement's text, so the text is what a fault matches.
 */

export type FaultMatch = {
  /** The statement's text. */
  sql: RegExp
}

export type Fault = {
  /** Resolves with the statement once a connection met it. */
  hit: Promise<string>
  /** For `hold`: lets the held statement go on to the database. */
  release(): void
  /** For `hold`: drops the held connection. */
  drop(): void
}

type Armed = FaultMatch & { action: "drop" | "hold"; remaining: number; onHit: (sql: string) => void; held: Held[] }
type Held = { resume: () => void; drop: () => void }

const HIT_TIMEOUT_MS = 60_000

export class PgFaultProxy {
  private server: net.Server
  private faults: Armed[] = []
  private sockets = new Set<net.Socket>()
  port = 0

  /** `trace`: sees every statement as it passes (for working out what to match). */
  constructor(
    private readonly target: { host: string; port: number },
    private readonly trace?: (sql: string) => void
  ) {
    this.server = net.createServer((client) => this.accept(client))
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve))
    this.port = (this.server.address() as net.AddressInfo).port
    return this.port
  }

  async stop() {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  /** Arms a fault for the next `times` statements that match (1 by default). */
  arm(match: FaultMatch, action: "drop" | "hold", times = 1): Fault {
    let onHit!: Armed["onHit"]
    let timer: NodeJS.Timeout
    const hit = new Promise<string>((resolve, reject) => {
      onHit = (sql) => {
        clearTimeout(timer)
        resolve(sql)
      }
      // A test waiting for a statement that never comes fails, and says which.
      timer = setTimeout(() => reject(new Error(`No statement matched ${match.sql} within ${HIT_TIMEOUT_MS / 1000} s.`)), HIT_TIMEOUT_MS)
    })
    hit.catch(() => undefined)
    const armed: Armed = { ...match, action, remaining: times, onHit, held: [] }
    this.faults.push(armed)
    return {
      hit,
      release: () => armed.held.splice(0).forEach((h) => h.resume()),
      drop: () => armed.held.splice(0).forEach((h) => h.drop()),
    }
  }

  /** Disarms every fault that has not fired; held connections stay held. */
  disarm() {
    this.faults = []
  }

  /** Drops every open connection, as a database restart would. */
  dropAll() {
    for (const socket of this.sockets) socket.destroy()
  }

  private match(sql: string): Armed | null {
    this.trace?.(sql)
    const fault = this.faults.find((f) => f.remaining > 0 && f.sql.test(sql))
    if (!fault) return null
    fault.remaining--
    fault.onHit(sql)
    return fault
  }

  private accept(client: net.Socket) {
    const upstream = net.connect(this.target.port, this.target.host)
    this.sockets.add(client).add(upstream)
    const close = () => {
      client.destroy()
      upstream.destroy()
      this.sockets.delete(client)
      this.sockets.delete(upstream)
    }
    client.on("error", close).on("close", close)
    upstream.on("error", close).on("close", close)
    upstream.on("data", (chunk) => client.write(chunk))

    let buffer = Buffer.alloc(0)
    let startup = true
    let paused = false
    /** The text of prepared statements by name ("" is the unnamed one). */
    const statements = new Map<string, string>()

    const pump = () => {
      while (!paused) {
        if (startup) {
          if (buffer.length < 8) return
          const length = buffer.readInt32BE(0)
          if (buffer.length < length) return
          const code = buffer.readInt32BE(4)
          upstream.write(buffer.subarray(0, length))
          buffer = buffer.subarray(length)
          // SSL, GSS and cancel requests come before (or instead of) the startup message itself.
          if (code !== 80877103 && code !== 80877104) startup = false
          continue
        }
        if (buffer.length < 5) return
        const length = buffer.readInt32BE(1) + 1
        if (buffer.length < length) return
        const message = buffer.subarray(0, length)
        const fault = this.inspect(message, statements)
        if (fault?.action === "drop") {
          close()
          return
        }
        if (fault?.action === "hold") {
          paused = true
          fault.held.push({
            resume: () => {
              paused = false
              upstream.write(message)
              buffer = buffer.subarray(length)
              pump()
            },
            drop: close,
          })
          return
        }
        upstream.write(message)
        buffer = buffer.subarray(length)
      }
    }
    client.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk])
      pump()
    })
  }

  /** The armed fault this message sets off, if any. */
  private inspect(message: Buffer, statements: Map<string, string>): Armed | null {
    const type = String.fromCharCode(message[0])
    const body = message.subarray(5)
    const cString = (at: number): [string, number] => {
      const end = body.indexOf(0, at)
      return [body.subarray(at, end).toString("utf8"), end + 1]
    }
    if (type === "Q") {
      return this.match(cString(0)[0])
    }
    if (type === "P") {
      const [name, next] = cString(0)
      statements.set(name, cString(next)[0])
      return null
    }
    if (type === "B") {
      // The portal's name, then the prepared statement's.
      const [, at] = cString(0)
      return this.match(statements.get(cString(at)[0]) ?? "")
    }
    return null
  }
}

import { execFileSync } from "node:child_process"
import fs from "node:fs"
import https from "node:https"
import type { IncomingMessage, ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import os from "node:os"
import path from "node:path"
import { zlibSync } from "fflate"
import { isPublicAddress } from "../address-checks"
import type { LogoFetchPolicy } from "../logo"

/**
 * A local https server with a self-signed certificate for `logo.test`, and a
 * fetch policy under which that name resolves to it and its address counts as
 * public. Every other name resolves as `names` says and is checked by the real
 * `isPublicAddress`, so a redirect from it to a private address is refused as
 * it would be in production.
 */
export type LogoServer = {
  base: string
  port: number
  policy: LogoFetchPolicy
  /** Connections and requests the server has seen. */
  connections(): number
  requests(): number
  close(): Promise<void>
}

export async function startLogoServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  names: Record<string, string[]> = {}
): Promise<LogoServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "logo-cert-"))
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=logo.test",
    "-addext", "subjectAltName=DNS:logo.test,DNS:internal.test,IP:127.0.0.1",
    "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"),
  ], { stdio: "ignore" })
  const key = fs.readFileSync(path.join(dir, "key.pem"))
  const cert = fs.readFileSync(path.join(dir, "cert.pem"))
  fs.rmSync(dir, { recursive: true, force: true })
  let connections = 0
  let requests = 0
  const server = https.createServer({ key, cert }, (req, res) => {
    requests++
    handler(req, res)
  })
  server.on("connection", () => connections++)
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const port = (server.address() as AddressInfo).port
  const table: Record<string, string[]> = { "logo.test": ["127.0.0.1"], ...names }
  return {
    base: `https://logo.test:${port}`,
    port,
    policy: {
      resolve: async (host) => (table[host] ?? []).map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
      allows: (address) => (address === "127.0.0.1" && server.listening) || isPublicAddress(address),
      ca: cert,
    },
    connections: () => connections,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** A real 2×2 PNG: signature, IHDR, one IDAT of filtered RGB rows, IEND. */
export function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(2, 0)
  header.writeUInt32BE(2, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const rows = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 255, 255, 255])
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", Buffer.from(zlibSync(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ])
}


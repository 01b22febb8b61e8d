import { createHmac, timingSafeEqual } from "node:crypto"
import { BlockList, isIP } from "node:net"

/**
 * Where a request comes from, learned only from what the server can trust:
 *
 * - the storefront's signed header (`X-Portal-Client-IP`, with
 *   `X-Portal-Client-Signature` = HMAC-SHA256 of `<unix seconds>.<address>`
 *   under the shared `clientIpSecret`, at most five minutes old): the
 *   storefront's server saw the customer's address, the backend sees only
 *   the storefront's;
 * - otherwise the connection's own address, and — only when that is one of
 *   the configured `trustedProxies` — the right-most address of
 *   `X-Forwarded-For` that is not itself a trusted proxy (each proxy appends
 *   the address it was reached from; whatever the client wrote comes first).
 *
 * A header a client can set never moves it anywhere else.
 */
export type ClientAddressPolicy = { trusted: BlockList; secret: string | null }

export const CLIENT_IP_HEADER = "x-portal-client-ip"
export const CLIENT_IP_SIGNATURE_HEADER = "x-portal-client-signature"
const MAX_SIGNATURE_AGE_S = 300

/** `10.0.0.0/8`, `192.168.1.7`, `fd00::/8`: the proxies in front of the backend, as a matcher. Throws on a malformed entry. */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList()
  for (const entry of entries) {
    const [address, bits] = entry.trim().split("/")
    const family = isIP(address)
    if (!family) throw new Error(`"${entry}" is not an IP address or CIDR range`)
    const type = family === 6 ? "ipv6" : "ipv4"
    if (bits === undefined) list.addAddress(address, type)
    else {
      const prefix = Number(bits)
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) throw new Error(`"${entry}" has a wrong prefix length`)
      list.addSubnet(address, prefix, type)
    }
  }
  return list
}

/** An address as one form: IPv4-mapped IPv6 (`::ffff:1.2.3.4`) as IPv4, zone ids dropped; null if it is not an address. */
export function normalizeAddress(value: string | undefined | null): string | null {
  if (!value) return null
  let address = value.trim()
  if (address.startsWith("[") && address.includes("]")) address = address.slice(1, address.indexOf("]"))
  address = address.split("%")[0]
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) address = mapped[1]
  return isIP(address) ? address.toLowerCase() : null
}

const isTrusted = (list: BlockList, address: string) => list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4")

/** The signature the storefront sends beside `X-Portal-Client-IP`. */
export function signClientAddress(secret: string, address: string, nowSeconds: number): string {
  return `${nowSeconds}.${createHmac("sha256", secret).update(`${nowSeconds}.${address}`).digest("hex")}`
}

function signedAddress(headers: Record<string, string | string[] | undefined>, secret: string, nowSeconds: number): string | null {
  const address = normalizeAddress(String(headers[CLIENT_IP_HEADER] ?? ""))
  const signature = String(headers[CLIENT_IP_SIGNATURE_HEADER] ?? "")
  const [ts] = signature.split(".")
  if (!address || !/^\d{1,12}$/.test(ts) || Math.abs(nowSeconds - Number(ts)) > MAX_SIGNATURE_AGE_S) return null
  const expected = Buffer.from(signClientAddress(secret, address, Number(ts)))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given) ? address : null
}

export function clientAddressOf(
  req: { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } },
  policy: ClientAddressPolicy,
  nowSeconds = Math.floor(Date.now() / 1000)
): string {
  const peer = normalizeAddress(req.socket?.remoteAddress) ?? "unknown"
  if (policy.secret) {
    const signed = signedAddress(req.headers, policy.secret, nowSeconds)
    if (signed) return signed
  }
  if (peer === "unknown" || !isTrusted(policy.trusted, peer)) return peer
  const chain = String(req.headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((hop) => normalizeAddress(hop))
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = chain[i]
    // A malformed entry is where trust ends: the hop that wrote it is the client.
    if (!hop) return peer
    if (!isTrusted(policy.trusted, hop)) return hop
    if (i === 0) return hop
  }
  return peer
}

/**
 * The part of an address a rate limit counts: an IPv4 address whole, an IPv6
 * address by its /64 (one host or one home network is handed a whole /64).
 */
export function rateLimitAddress(address: string): string {
  if (isIP(address) !== 6) return address
  const halves = address.split("::")
  const head = halves[0] ? halves[0].split(":") : []
  const tail = halves.length > 1 && halves[1] ? halves[1].split(":") : []
  const groups = halves.length > 1 ? [...head, ...Array(8 - head.length - tail.length).fill("0"), ...tail] : head
  return `${groups.slice(0, 4).map((g) => parseInt(g || "0", 16).toString(16)).join(":")}::/64`
}

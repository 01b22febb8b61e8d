import { createHmac } from "node:crypto"
import { isIP } from "node:net"

/**
 * The customer's address as this server learned it, signed for the backend
 * (`X-Portal-Client-IP` and `X-Portal-Client-Signature`, HMAC-SHA256 of
 * `<unix seconds>.<address>` under `PORTAL_CLIENT_IP_SECRET`, which the
 * backend's `clientIpSecret` shares). The address is the right-most entry of
 * `X-Forwarded-For` that is not one of `PORTAL_TRUSTED_PROXIES` (the proxies
 * in front of this storefront; each appends the address it was reached
 * from, and Next.js fills the header from the socket when there is none).
 * Without the secret nothing is sent: the backend then counts this server.
 */
export function signedClientAddress(
  forwardedFor: string | null,
  env: { secret?: string; trustedProxies?: string } = { secret: process.env.PORTAL_CLIENT_IP_SECRET, trustedProxies: process.env.PORTAL_TRUSTED_PROXIES },
  nowSeconds = Math.floor(Date.now() / 1000)
): Record<string, string> {
  if (!env.secret || !forwardedFor) return {}
  const trusted = new Set((env.trustedProxies ?? "").split(",").map((entry) => entry.trim()).filter(Boolean))
  const hops = forwardedFor.split(",").map((hop) => normalize(hop))
  let address: string | null = null
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]
    if (!hop) break
    address = hop
    if (!trusted.has(hop)) break
  }
  if (!address) return {}
  const signature = createHmac("sha256", env.secret).update(`${nowSeconds}.${address}`).digest("hex")
  return { "x-portal-client-ip": address, "x-portal-client-signature": `${nowSeconds}.${signature}` }
}

function normalize(value: string): string | null {
  let address: string = value.trim()
  if (address.startsWith("[") && address.includes("]")) address = address.slice(1, address.indexOf("]"))
  address = address.split("%")[0] ?? ""
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped?.[1]) address = mapped[1]
  return isIP(address) ? address.toLowerCase() : null
}

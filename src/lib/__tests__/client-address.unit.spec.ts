import { clientAddressOf, normalizeAddress, rateLimitAddress, signClientAddress, trustedProxyList } from "../client-address"

const NOW = 1_800_000_000
const req = (peer: string, headers: Record<string, string> = {}) => ({ headers, socket: { remoteAddress: peer } })
const none = { trusted: trustedProxyList([]), secret: null }
const behindBalancer = { trusted: trustedProxyList(["10.0.0.0/8", "fd00::/8"]), secret: null }
const SECRET = "s".repeat(40)

describe("the client's address", () => {
  it("is the connection's own address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf(req("203.0.113.9", { "x-forwarded-for": "1.2.3.4" }), none, NOW)).toBe("203.0.113.9")
    expect(clientAddressOf(req("::ffff:203.0.113.9"), none, NOW)).toBe("203.0.113.9")
  })

  it("is the right-most untrusted hop behind a trusted balancer, so a forged first entry changes nothing", () => {
    expect(clientAddressOf(req("10.0.0.5", { "x-forwarded-for": "198.51.100.7" }), behindBalancer, NOW)).toBe("198.51.100.7")
    // The client wrote "1.2.3.4"; the balancer appended the address it really came from.
    expect(clientAddressOf(req("10.0.0.5", { "x-forwarded-for": "1.2.3.4, 198.51.100.7" }), behindBalancer, NOW)).toBe("198.51.100.7")
    expect(clientAddressOf(req("10.0.0.5", { "x-forwarded-for": "198.51.100.7, 10.0.0.9" }), behindBalancer, NOW)).toBe("198.51.100.7")
    // An untrusted connection cannot claim anything.
    expect(clientAddressOf(req("198.51.100.8", { "x-forwarded-for": "10.0.0.1" }), behindBalancer, NOW)).toBe("198.51.100.8")
    expect(clientAddressOf(req("10.0.0.5", { "x-forwarded-for": "nonsense, 198.51.100.7" }), behindBalancer, NOW)).toBe("198.51.100.7")
    expect(clientAddressOf(req("10.0.0.5", { "x-forwarded-for": "198.51.100.7, nonsense" }), behindBalancer, NOW)).toBe("10.0.0.5")
  })

  it("takes the storefront's signed address, and only a fresh, correctly signed one", () => {
    const policy = { trusted: trustedProxyList([]), secret: SECRET }
    const signed = (ip: string, at = NOW, secret = SECRET) => ({ "x-portal-client-ip": ip, "x-portal-client-signature": signClientAddress(secret, ip, at) })
    expect(clientAddressOf(req("192.0.2.1", signed("198.51.100.20")), policy, NOW)).toBe("198.51.100.20")
    expect(clientAddressOf(req("192.0.2.1", signed("198.51.100.20", NOW - 3600)), policy, NOW)).toBe("192.0.2.1")
    expect(clientAddressOf(req("192.0.2.1", signed("198.51.100.20", NOW, "x".repeat(40))), policy, NOW)).toBe("192.0.2.1")
    expect(clientAddressOf(req("192.0.2.1", { ...signed("198.51.100.20"), "x-portal-client-ip": "198.51.100.21" }), policy, NOW)).toBe("192.0.2.1")
    expect(clientAddressOf(req("192.0.2.1", { "x-portal-client-ip": "198.51.100.20" }), policy, NOW)).toBe("192.0.2.1")
    // Without a configured secret the header means nothing.
    expect(clientAddressOf(req("192.0.2.1", signed("198.51.100.20")), none, NOW)).toBe("192.0.2.1")
  })

  it("is counted by its /64 when it is IPv6", () => {
    expect(rateLimitAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64")
    expect(rateLimitAddress("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64")
    expect(rateLimitAddress("2001:db8::1")).toBe("2001:db8:0:0::/64")
    expect(rateLimitAddress("2001:db8:1:3::1")).not.toBe(rateLimitAddress("2001:db8:1:2::1"))
    expect(rateLimitAddress("198.51.100.7")).toBe("198.51.100.7")
  })

  it("refuses a malformed proxy list and normalises addresses", () => {
    expect(() => trustedProxyList(["10.0.0.0/33"])).toThrow(/prefix/)
    expect(() => trustedProxyList(["lb.internal"])).toThrow(/not an IP/)
    expect(normalizeAddress("[2001:DB8::1]")).toBe("2001:db8::1")
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1")
    expect(normalizeAddress("not an address")).toBeNull()
  })
})

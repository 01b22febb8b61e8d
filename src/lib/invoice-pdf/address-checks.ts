import { BlockList, isIP } from "node:net"

/**
 * Which addresses the server may fetch a merchant-given URL from: the public
 * internet only. Everything that reaches the server's own machine, its
 * network or its cloud's metadata service is refused: loopback, private,
 * link-local (169.254.169.254), unique-local, CGNAT, multicast, unspecified,
 * reserved and documentation ranges, in IPv4, in IPv6, and in IPv6 forms that
 * carry an IPv4 address (mapped `::ffff:10.0.0.1`, NAT64, 6to4).
 */
const refused = new BlockList()
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // CGNAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  refused.addSubnet(network, prefix, "ipv4")
}
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128],
  ["::", 96], // IPv4-compatible (deprecated)
  ["100::", 64], // discard
  ["2001::", 23], // IETF protocol assignments, Teredo among them
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique-local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const) {
  refused.addSubnet(network, prefix, "ipv6")
}

/** The eight 16-bit groups of an IPv6 address (valid per `isIP`), with an embedded dotted IPv4 tail expanded. */
function hextets(address: string): number[] {
  let text = address.toLowerCase().split("%")[0]
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted[1].split(".").map(Number)
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.split("::")
  const left = head ? head.split(":") : []
  const right = tail !== undefined && tail ? tail.split(":") : []
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0")
  return [...left, ...fill, ...right].map((group) => parseInt(group, 16))
}

const ipv4Of = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`

/**
 * Whether the server may connect to `address` (an IP address as text). A
 * value that is not an IP address is refused.
 */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 4) return !refused.check(address, "ipv4")
  if (family !== 6) return false
  // BlockList matches IPv4-mapped addresses (::ffff:a.b.c.d) against the IPv4 ranges itself.
  if (refused.check(address, "ipv6")) return false
  const groups = hextets(address)
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach the IPv4 address they carry.
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) return isPublicAddress(ipv4Of(groups[6], groups[7]))
  if (groups[0] === 0x2002) return isPublicAddress(ipv4Of(groups[1], groups[2]))
  return true
}

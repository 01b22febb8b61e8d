import { createHmac } from "node:crypto"
import { signedClientAddress } from "../client-address"

const SECRET = "k".repeat(40)
const NOW = 1_800_000_000

describe("the customer's address the storefront signs for the backend", () => {
  it("is the right-most hop that is not one of the storefront's own proxies, with a signature the secret checks", () => {
    const sent = signedClientAddress("1.2.3.4, 198.51.100.7, 10.0.0.2", { secret: SECRET, trustedProxies: "10.0.0.2" }, NOW)
    expect(sent["x-portal-client-ip"]).toBe("198.51.100.7")
    const expected = createHmac("sha256", SECRET).update(`${NOW}.198.51.100.7`).digest("hex")
    expect(sent["x-portal-client-signature"]).toBe(`${NOW}.${expected}`)
    expect(signedClientAddress("::ffff:198.51.100.7", { secret: SECRET }, NOW)["x-portal-client-ip"]).toBe("198.51.100.7")
  })

  it("sends nothing without a secret, a header or a well-formed address", () => {
    expect(signedClientAddress("198.51.100.7", { secret: undefined }, NOW)).toEqual({})
    expect(signedClientAddress(null, { secret: SECRET }, NOW)).toEqual({})
    expect(signedClientAddress("evil.example", { secret: SECRET }, NOW)).toEqual({})
  })
})

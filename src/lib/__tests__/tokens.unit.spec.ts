import { generateBusinessId, generateLicenseKey, generateToken, hashToken, isTokenHash, isWellFormedToken, tokenMatchesHash } from "../tokens"

describe("tokens", () => {
  it("makes 256-bit URL-safe tokens that never repeat", () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateToken))
    expect(tokens.size).toBe(1000)
    for (const token of tokens) {
      expect(Buffer.from(token, "base64url")).toHaveLength(32)
      expect(isWellFormedToken(token)).toBe(true)
    }
  })

  it("stores a token only as its SHA-256, and matches it back", () => {
    const token = generateToken()
    const hash = hashToken(token)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(isTokenHash(hash)).toBe(true)
    expect(hash).not.toContain(token)
    expect(tokenMatchesHash(token, hash)).toBe(true)
    expect(tokenMatchesHash(generateToken(), hash)).toBe(false)
  })

  it.each([["", "empty"], ["a".repeat(42), "short"], ["a".repeat(44), "long"], ["a".repeat(42) + "=", "padding"], [42, "number"], [null, "null"]])(
    "refuses %p (%s) as a token",
    (value: unknown, _kind: string) => {
      expect(isWellFormedToken(value)).toBe(false)
    }
  )

  it.each([[generateToken(), "a raw token"], ["A".repeat(64), "upper case"], ["a".repeat(63), "short"], [null, "null"]])(
    "refuses %p (%s) as a token's hash",
    (value: unknown, _kind: string) => {
      expect(isTokenHash(value)).toBe(false)
    }
  )

  it("makes license keys from an unambiguous alphabet, with the prefix", () => {
    const key = generateLicenseKey("acme")
    expect(key).toMatch(/^ACME(-[0-9A-HJKMNP-TV-Z]{5}){4}$/)
    expect(generateLicenseKey()).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/)
    expect(new Set(Array.from({ length: 500 }, () => generateLicenseKey())).size).toBe(500)
  })

  it("makes business ids that are prefixed and hard to guess", () => {
    const id = generateBusinessId()
    expect(id).toMatch(/^bus_[0-9a-hjkmnp-tv-z]{20}$/)
    expect(generateBusinessId()).not.toBe(id)
  })
})

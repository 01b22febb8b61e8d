import { createHash, randomBytes, timingSafeEqual } from "node:crypto"

/** 32 bytes (256 bits) from the CSPRNG, URL-safe. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url")
}

/** A token is 43 URL-safe base64 characters; anything else is not one of ours. */
export function isWellFormedToken(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value)
}

/** What is stored instead of a token: its SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex")
}

/** A token's SHA-256 as `hashToken` writes it: 64 lowercase hex characters. */
export function isTokenHash(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{64}$/.test(value)
}

export function tokenMatchesHash(token: string, hash: string): boolean {
  const a = Buffer.from(hashToken(token), "hex")
  const b = Buffer.from(hash, "hex")
  return a.length === b.length && timingSafeEqual(a, b)
}

// Crockford's base32 without I, L, O, U: no characters a customer can misread.
const KEY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/**
 * A license key: an optional prefix and four groups of five characters, 100
 * bits from the CSPRNG, e.g. `ACME-7K2QD-M9X4T-0PZ3R-HV8WN`.
 */
export function generateLicenseKey(prefix?: string | null): string {
  const bytes = randomBytes(20)
  let body = ""
  for (let i = 0; i < 20; i++) {
    body += KEY_ALPHABET[bytes[i] & 31]
  }
  const groups = body.match(/.{5}/g)!.join("-")
  return prefix ? `${prefix.toUpperCase()}-${groups}` : groups
}

/** A business id for the static link: `bus_` and 20 characters (100 bits), not guessable. */
export function generateBusinessId(): string {
  const bytes = randomBytes(20)
  let id = ""
  for (let i = 0; i < 20; i++) {
    id += KEY_ALPHABET[bytes[i] & 31].toLowerCase()
  }
  return `bus_${id}`
}

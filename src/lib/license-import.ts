import { MedusaError } from "@medusajs/framework/utils"
import { parseCsv } from "./csv"
import { normalizeEmail } from "./customer-records"

/** Rows one import takes at the most. */
export const MAX_IMPORT_ROWS = 5000
const KEY = /^[A-Z0-9]+(-[A-Z0-9]+)+$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export type LicenseImportProblem = { line: number; message: string }

/** The least a key must be worth to an attacker who guesses keys through the license API. */
export const MIN_KEY_BITS = 64
export const MIN_KEY_DISTINCT = 8

/**
 * Why a key is too easy to guess, or null when it is strong enough. The rule,
 * on the key without its dashes: at least 16 characters; at least 8 different
 * characters; and an estimated entropy of at least 64 bits, counted as
 * log2 of the alphabet its character classes span (digits 10, letters 26,
 * both 36) for each character — except the third and later characters of a
 * run, which add nothing: a repeat (`000`), or a step in the same direction
 * as the one before (`ABC`, `987`). So `ACME-2024-0000-0001` (11 characters
 * that count, 56 bits) is refused; a generated key (20 random characters of
 * Crockford's base32, about 100 bits) passes.
 */
export function licenseKeyWeakness(key: string): string | null {
  const chars = key.replace(/-/g, "")
  if (chars.length < 16) return "The key has fewer than 16 letters and digits."
  if (new Set(chars).size < MIN_KEY_DISTINCT) return `The key uses fewer than ${MIN_KEY_DISTINCT} different characters, so it is easy to guess.`
  const alphabet = (/[0-9]/.test(chars) ? 10 : 0) + (/[A-Z]/.test(chars) ? 26 : 0)
  let counted = 0
  for (let i = 0; i < chars.length; i++) {
    const step = i > 0 ? chars.charCodeAt(i) - chars.charCodeAt(i - 1) : null
    const before = i > 1 ? chars.charCodeAt(i - 1) - chars.charCodeAt(i - 2) : null
    const continuesRun = step !== null && step === before && Math.abs(step) <= 1
    if (!continuesRun) counted++
  }
  const bits = Math.floor(counted * Math.log2(alphabet))
  return bits < MIN_KEY_BITS
    ? `The key is too easy to guess: about ${bits} bits, at least ${MIN_KEY_BITS} are needed (more random letters and digits, fewer repeats and sequences such as 0000 or 1234).`
    : null
}

/** A row that passed the checks: the key upper-cased, the email as `normalizeEmail` gives it. */
export type LicenseImportRow = {
  line: number
  key: string
  email: string
  product_title: string
  activation_limit: number | null
  expires_at: Date | null
  revoked: boolean
}

/**
 * Reads a license-key CSV with a header row: `key`, `email` and
 * `product_title` (required), `activation_limit` (empty: unlimited),
 * `expires_at` (ISO date; empty: lifetime), `status` (active or revoked).
 * A file that cannot be imported at all (empty, a missing column, too many
 * rows) is a MedusaError; a row with a problem is reported with its line.
 */
export function readLicenseImport(csv: string): { rows: LicenseImportRow[]; errors: LicenseImportProblem[] } {
  const [header, ...lines] = parseCsv(csv)
  if (!header) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The file is empty.")
  const columns = header.fields.map((name) => name.trim().toLowerCase())
  const missing = ["key", "email", "product_title"].filter((name) => !columns.includes(name))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The header row lacks ${missing.join(", ")}: it needs key, email and product_title.`)
  }
  if (lines.length > MAX_IMPORT_ROWS) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The file has ${lines.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`)
  }
  const cell = (fields: string[], name: string) => (fields[columns.indexOf(name)] ?? "").trim()

  const errors: LicenseImportProblem[] = []
  const rows: LicenseImportRow[] = []
  const seen = new Set<string>()
  for (const { line, fields } of lines) {
    const key = cell(fields, "key").toUpperCase()
    const email = normalizeEmail(cell(fields, "email"))
    const product_title = cell(fields, "product_title")
    const limit = cell(fields, "activation_limit")
    const expires = cell(fields, "expires_at")
    const status = cell(fields, "status").toLowerCase()
    const problem = (message: string) => errors.push({ line, message })
    if (!KEY.test(key) || key.length < 16 || key.length > 64) {
      problem("The key must be 16 to 64 letters and digits in groups joined by dashes.")
      continue
    }
    const weakness = licenseKeyWeakness(key)
    if (weakness) {
      problem(weakness)
      continue
    }
    if (seen.has(key)) {
      problem("This key appears twice in the file.")
      continue
    }
    seen.add(key)
    if (!EMAIL.test(email)) {
      problem("The email is not an email address.")
      continue
    }
    if (!product_title || product_title.length > 200) {
      problem("The product title is missing or over 200 characters.")
      continue
    }
    const activation_limit = limit === "" ? null : Number(limit)
    if (activation_limit !== null && !(Number.isInteger(activation_limit) && activation_limit >= 1 && activation_limit <= 100_000)) {
      problem("The activation limit must be a whole number from 1, or empty for unlimited.")
      continue
    }
    const expires_at = expires === "" ? null : new Date(expires)
    if (expires_at && Number.isNaN(expires_at.getTime())) {
      problem("The expiry is not a date (use 2027-01-31 or an ISO date and time), or leave it empty for a lifetime key.")
      continue
    }
    if (status && status !== "active" && status !== "revoked") {
      problem("The status must be active or revoked (or empty).")
      continue
    }
    rows.push({ line, key, email, product_title, activation_limit, expires_at, revoked: status === "revoked" })
  }
  return { rows, errors }
}

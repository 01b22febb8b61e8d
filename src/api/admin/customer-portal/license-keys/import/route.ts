import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { parseCsv } from "../../../../../lib/csv"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../modules/customer-portal/service"
import { ensureCustomerPortalWorkflow } from "../../../../../workflows/ensure-customer-portal"
import type { AdminImportLicenseKeysType } from "../../../validators"

const MAX_ROWS = 5000
const KEY = /^[A-Z0-9]+(-[A-Z0-9]+)+$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

type Problem = { line: number; message: string }

/**
 * Brings keys sold elsewhere into the portal, from a CSV with a header row:
 * `key`, `email` and `product_title` (required), `activation_limit` (empty:
 * unlimited), `expires_at` (ISO date; empty: lifetime), `status` (active or
 * revoked). Each key goes to the customer with that email (their account
 * first). Keys already here are skipped; a row with a problem is reported
 * with its line and not imported; the rest are. `dry_run` checks only.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminImportLicenseKeysType>, res: MedusaResponse) => {
  const { csv, dry_run } = req.validatedBody
  const [header, ...rows] = parseCsv(csv)
  if (!header) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The file is empty.")
  const columns = header.fields.map((name) => name.trim().toLowerCase())
  const missing = ["key", "email", "product_title"].filter((name) => !columns.includes(name))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The header row lacks ${missing.join(", ")}: it needs key, email and product_title.`)
  }
  if (rows.length > MAX_ROWS) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The file has ${rows.length} rows; import at most ${MAX_ROWS} at a time.`)
  }
  const cell = (fields: string[], name: string) => (fields[columns.indexOf(name)] ?? "").trim()

  const errors: Problem[] = []
  const parsed: { line: number; key: string; email: string; product_title: string; activation_limit: number | null; expires_at: Date | null; revoked: boolean }[] = []
  const seen = new Set<string>()
  for (const { line, fields } of rows) {
    const key = cell(fields, "key").toUpperCase()
    const email = cell(fields, "email").toLowerCase()
    const product_title = cell(fields, "product_title")
    const limit = cell(fields, "activation_limit")
    const expires = cell(fields, "expires_at")
    const status = cell(fields, "status").toLowerCase()
    const problem = (message: string) => errors.push({ line, message })
    if (!KEY.test(key) || key.length < 16 || key.length > 64) {
      problem("The key must be 16 to 64 letters and digits in groups joined by dashes.")
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
    parsed.push({ line, key, email, product_title, activation_limit, expires_at, revoked: status === "revoked" })
  }

  const emails = [...new Set(parsed.map((row) => row.email))]
  const customers = emails.length
    ? await req.scope.resolve(Modules.CUSTOMER).listCustomers({ email: emails }, { select: ["id", "email", "has_account"], take: emails.length * 5 })
    : []
  const customerOf = new Map<string, string>()
  for (const customer of [...customers].sort((a, b) => Number(b.has_account) - Number(a.has_account))) {
    if (!customerOf.has(customer.email.toLowerCase())) customerOf.set(customer.email.toLowerCase(), customer.id)
  }
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const existing = new Set(
    parsed.length ? (await service.listLicenseKeys({ key: parsed.map((row) => row.key) }, { select: ["key"], take: parsed.length })).map((k) => k.key) : []
  )
  const { result: portal } = await ensureCustomerPortalWorkflow(req.scope).run()
  const now = new Date()
  const toCreate = []
  let skipped = 0
  for (const row of parsed) {
    if (existing.has(row.key)) {
      skipped++
      continue
    }
    const customer_id = customerOf.get(row.email)
    if (!customer_id) {
      errors.push({ line: row.line, message: `No customer has the email ${row.email}: add the customer first.` })
      continue
    }
    toCreate.push({
      portal_id: portal.id,
      mode: portal.mode,
      key: row.key,
      customer_id,
      product_title: row.product_title,
      activation_limit: row.activation_limit,
      expires_at: row.expires_at,
      status: row.revoked ? "revoked" : "active",
      revoked_at: row.revoked ? now : null,
      metadata: { imported: true },
    })
  }
  if (!dry_run && toCreate.length) {
    try {
      await service.createLicenseKeys(toCreate as any)
    } catch {
      throw new MedusaError(MedusaError.Types.CONFLICT, "Some of these keys were added meanwhile. Run the import again: keys already here are skipped.")
    }
  }
  errors.sort((a, b) => a.line - b.line)
  res.json({ imported: toCreate.length, skipped, errors, dry_run })
}

import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clock } from "../../lib/clock"
import { findCustomersByEmails } from "../../lib/customer-records"
import { chooseHomeRecord } from "../../lib/identity"
import type { LicenseImportProblem, LicenseImportRow } from "../../lib/license-import"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"

export type ImportLicenseKeysStepInput = { rows: LicenseImportRow[]; dry_run: boolean; portal: { id: string }; mode: "test" | "live" }

/**
 * Gives each checked row's key to the record that acts for its email's
 * holder (`chooseHomeRecord`: never an account whose address was not
 * confirmed over the guest record of it); emails compare as
 * `normalizeEmail` does. Keys already here are skipped, a row whose email
 * has no customer is a problem. With `dry_run` nothing is written. Undone by
 * removing the keys it added.
 */
export const importLicenseKeysStep = createStep(
  "import-license-keys",
  async (input: ImportLicenseKeysStepInput, { container }) => {
    const { rows } = input
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const emails = [...new Set(rows.map((row) => row.email))]
    const records = await findCustomersByEmails(container.resolve(Modules.CUSTOMER), emails)
    const confirmed = await service.recordsConfirmedForEmails([...records.keys()])
    const customerOf = new Map<string, string>()
    for (const [email, found] of records) {
      const home = await chooseHomeRecord(container, email, found, confirmed.get(email) ?? [])
      if (home) customerOf.set(email, home.id)
    }
    const existing = new Set(
      rows.length ? (await service.listLicenseKeys({ key: rows.map((row) => row.key) }, { select: ["key"], take: rows.length })).map((k) => k.key) : []
    )
    const now = clock.now()
    const errors: LicenseImportProblem[] = []
    const toCreate = []
    let skipped = 0
    for (const row of rows) {
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
        portal_id: input.portal.id,
        mode: input.mode,
        key: row.key,
        customer_id,
        product_title: row.product_title,
        activation_limit: row.activation_limit,
        expires_at: row.expires_at,
        status: row.revoked ? ("revoked" as const) : ("active" as const),
        revoked_at: row.revoked ? now : null,
        metadata: { imported: true },
      })
    }
    let created: string[] = []
    if (!input.dry_run && toCreate.length) {
      try {
        const made = (await service.createLicenseKeys(toCreate as any)) as unknown as { id: string }[]
        created = made.map((key) => key.id)
      } catch {
        throw new MedusaError(MedusaError.Types.CONFLICT, "Some of these keys were added meanwhile. Run the import again: keys already here are skipped.")
      }
    }
    return new StepResponse({ imported: toCreate.length, skipped, errors }, created)
  },
  async (created, { container }) => {
    if (!created?.length) return
    await container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE).deleteLicenseKeys(created)
  }
)

import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readLicenseImport } from "../../../../../lib/license-import"
import { importLicenseKeysWorkflow } from "../../../../../workflows/import-license-keys"
import type { AdminImportLicenseKeysType } from "../../../validators"

/**
 * Brings keys sold elsewhere into the portal from a CSV (see
 * `readLicenseImport` for the columns). Keys already here are skipped; a row
 * with a problem is reported with its line and not imported; the rest are.
 * `dry_run` checks only. The keys are live unless `mode` is test.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminImportLicenseKeysType>, res: MedusaResponse) => {
  const { csv, dry_run, mode } = req.validatedBody
  const { rows, errors } = readLicenseImport(csv)
  const { result } = await importLicenseKeysWorkflow(req.scope).run({ input: { rows, dry_run, mode } })
  res.json({ imported: result.imported, skipped: result.skipped, errors: [...errors, ...result.errors].sort((a, b) => a.line - b.line), dry_run })
}

import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { LicenseImportRow } from "../lib/license-import"
import { ensureCustomerPortalWorkflow } from "./ensure-customer-portal"
import { importLicenseKeysStep } from "./steps/import-license-keys"

export const importLicenseKeysWorkflowId = "import-license-keys"

/**
 * Keys sold elsewhere, brought into the portal from checked CSV rows
 * (`readLicenseImport`), in the mode the merchant chose: a key's mode is
 * that of its sale, never the portal's setting.
 */
export const importLicenseKeysWorkflow = createWorkflow(importLicenseKeysWorkflowId, (input: { rows: LicenseImportRow[]; dry_run: boolean; mode: "test" | "live" }) => {
  const portal = ensureCustomerPortalWorkflow.runAsStep({ input: {} })
  const result = importLicenseKeysStep(
    transform({ input, portal }, ({ input, portal }) => ({ rows: input.rows, dry_run: input.dry_run, portal: { id: portal.id }, mode: input.mode }))
  )
  return new WorkflowResponse(result)
})

import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setLicenseKeyRevokedStep } from "./steps/set-license-key-revoked"

export const setLicenseKeyRevokedWorkflowId = "set-license-key-revoked"

/** The merchant revokes a license key, or enables a revoked one again (it then follows its subscription). */
export const setLicenseKeyRevokedWorkflow = createWorkflow(setLicenseKeyRevokedWorkflowId, (input: { id: string; revoked: boolean }) => {
  return new WorkflowResponse(setLicenseKeyRevokedStep(input))
})

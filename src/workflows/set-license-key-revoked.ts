import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { activityOf, recordPortalActivityStep, type PortalActor } from "./steps/record-portal-activity"
import { setLicenseKeyRevokedStep } from "./steps/set-license-key-revoked"

export const setLicenseKeyRevokedWorkflowId = "set-license-key-revoked"

/** The merchant revokes a license key, or enables a revoked one again (it then follows its subscription); the trail names who. */
export const setLicenseKeyRevokedWorkflow = createWorkflow(
  setLicenseKeyRevokedWorkflowId,
  (input: { id: string; revoked: boolean; actor?: PortalActor }) => {
    const result = setLicenseKeyRevokedStep(transform({ input }, ({ input }) => ({ id: input.id, revoked: input.revoked })))
    recordPortalActivityStep(
      transform({ input, result }, ({ input, result }) => ({
        entry: activityOf(input.actor ?? { type: "admin" }, {
          customer_id: result.customer_id,
          portal_id: result.portal_id,
          mode: result.mode,
          action: input.revoked ? "license_keys_revoked" : "license_keys_restored",
          details: { count: 1, products: [result.product_title] },
        }),
      }))
    ).config({ continueOnPermanentFailure: true })
    return new WorkflowResponse({ id: result.id })
  }
)

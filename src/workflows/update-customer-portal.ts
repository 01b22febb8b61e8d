import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ensureCustomerPortalWorkflow } from "./ensure-customer-portal"
import { updateCustomerPortalStep } from "./steps/update-customer-portal"

export const updateCustomerPortalWorkflowId = "update-customer-portal"

/** Changes the portal settings: branding, mode, support and return addresses, features. */
export const updateCustomerPortalWorkflow = createWorkflow(
  updateCustomerPortalWorkflowId,
  (input: { update: Record<string, unknown> }) => {
    const portal = ensureCustomerPortalWorkflow.runAsStep({ input: {} })
    const updated = updateCustomerPortalStep(transform({ portal, input }, ({ portal, input }) => ({ id: portal.id, update: input.update })))
    return new WorkflowResponse(updated)
  }
)

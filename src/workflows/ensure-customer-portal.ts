import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { ensureCustomerPortalStep } from "./steps/ensure-customer-portal"

export const ensureCustomerPortalWorkflowId = "ensure-customer-portal"

/**
 * Returns the store's customer portal, creating it the first time with the
 * store's name as its display name, a random business id and the static login
 * links for test and live mode.
 */
export const ensureCustomerPortalWorkflow = createWorkflow(ensureCustomerPortalWorkflowId, () => {
  const { data: stores } = useQueryGraphStep({ entity: "store", fields: ["name"], pagination: { take: 1 } })
  const name = transform({ stores }, ({ stores }) => stores[0]?.name || "Store")
  const portal = ensureCustomerPortalStep({ name })
  return new WorkflowResponse(portal)
})

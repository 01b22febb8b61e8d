import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ensureCustomerPortalWorkflow } from "./ensure-customer-portal"
import { PortalEvents } from "./events"
import { issueOrderLicenseKeysStep } from "./steps/issue-order-license-keys"

export const issueOrderLicenseKeysWorkflowId = "issue-order-license-keys"

/** P5: an order's license-keyed lines get one key per unit; `license_key.issued` says which. */
export const issueOrderLicenseKeysWorkflow = createWorkflow(issueOrderLicenseKeysWorkflowId, (input: { order_id: string }) => {
  const portal = ensureCustomerPortalWorkflow.runAsStep({ input: {} })
  const result = issueOrderLicenseKeysStep(
    transform({ input, portal }, ({ input, portal }) => ({ order_id: input.order_id, portal: { id: portal.id } }))
  )
  when({ result }, ({ result }) => result.issued.length > 0).then(() => {
    emitEventStep({
      eventName: PortalEvents.LICENSE_KEYS_ISSUED,
      data: transform({ result, input }, ({ result, input }) => ({ ids: result.issued, order_id: input.order_id, customer_id: result.customer_id })),
    })
  })
  return new WorkflowResponse(result)
})

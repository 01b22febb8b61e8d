import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ensureCustomerPortalWorkflow } from "./ensure-customer-portal"
import { PortalEvents } from "./events"
import { startOrderSubscriptionsStep } from "./steps/start-order-subscriptions"

export const startOrderSubscriptionsWorkflowId = "start-order-subscriptions"

/** P2: an order with plan variants, paid with a saved method, starts one subscription per plan line. */
export const startOrderSubscriptionsWorkflow = createWorkflow(startOrderSubscriptionsWorkflowId, (input: { order_id: string }) => {
  const portal = ensureCustomerPortalWorkflow.runAsStep({ input: {} })
  const result = startOrderSubscriptionsStep(
    transform({ input, portal }, ({ input, portal }) => ({ order_id: input.order_id, portal: { id: portal.id } }))
  )
  when({ result }, ({ result }) => result.started.length > 0).then(() => {
    emitEventStep({ eventName: PortalEvents.SUBSCRIPTION_STARTED, data: transform({ result }, ({ result }) => result.started) })
  })
  return new WorkflowResponse(result)
})

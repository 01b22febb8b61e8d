import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ensureCustomerPortalWorkflow } from "./ensure-customer-portal"
import { PortalEvents } from "./events"
import { syncOrderInvoiceStep } from "./steps/sync-order-invoice"

export const syncOrderInvoiceWorkflowId = "sync-order-invoice"

/**
 * S1, P1: every order gets an invoice — `open` when placed, `paid` when its
 * payment is captured, `void` when it is cancelled. Run on each of those
 * events; issuing is idempotent per order.
 */
export const syncOrderInvoiceWorkflow = createWorkflow(syncOrderInvoiceWorkflowId, (input: { order_id: string }) => {
  const portal = ensureCustomerPortalWorkflow.runAsStep({ input: {} })
  const result = syncOrderInvoiceStep(
    transform({ input, portal }, ({ input, portal }) => ({ order_id: input.order_id, portal: { id: portal.id } }))
  )
  when({ result }, ({ result }) => result.created).then(() => {
    emitEventStep({
      eventName: PortalEvents.INVOICE_ISSUED,
      data: transform({ result, input }, ({ result, input }) => ({ id: result.invoice_id, order_id: input.order_id })),
    })
  })
  return new WorkflowResponse(result)
})

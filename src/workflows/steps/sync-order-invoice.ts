import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { clock } from "../../lib/clock"
import { invoiceFromOrder, ORDER_INVOICE_FIELDS, orderCapturedAt } from "../../lib/order-invoice"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import { isPortalChargeOrder } from "../../lib/charge-orders"
import { orderMode } from "../../lib/record-mode"

export type SyncOrderInvoiceStepInput = { order_id: string; portal: { id: string } }

export const syncOrderInvoiceStepId = "sync-order-invoice"

/**
 * Brings an order's invoice in line with the order: issues it when missing
 * (once, whatever the number of events), marks it paid when the payment is
 * captured and void when the order is cancelled. Reads the order's current
 * state each time, so events handled in any order, or twice, end the same.
 */
export const syncOrderInvoiceStep = createStep(syncOrderInvoiceStepId, async (input: SyncOrderInvoiceStepInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ORDER_INVOICE_FIELDS, filters: { id: input.order_id } })
  // A subscription renewal's order is billed on the renewal's own invoice.
  if (!order?.customer_id || (await isPortalChargeOrder(container, order.id))) {
    return new StepResponse({ invoice_id: null as string | null, created: false, status: null as string | null })
  }
  const source = { source_type: "order" as const, source_id: order.id }
  let issued
  try {
    issued = await service.issueInvoice({
      ...invoiceFromOrder(order),
      ...source,
      portal_id: input.portal.id,
      mode: await orderMode(container, order.id),
      customer_id: order.customer_id,
      order_id: order.id,
      issued_at: new Date(order.created_at),
    })
  } catch (error) {
    // Another handler issued it a moment ago (unique source): take that one.
    const [existing] = await service.listInvoices(source, { take: 1 })
    if (!existing) throw error
    issued = { invoice: existing, created: false }
  }
  const { invoice } = issued
  const capturedAt = orderCapturedAt(order)
  let status = invoice.status
  if (order.status === "canceled" && status !== "void") {
    await service.updateInvoices({ id: invoice.id, status: "void", voided_at: order.canceled_at ? new Date(order.canceled_at) : clock.now() })
    status = "void"
  } else if (capturedAt && status === "open") {
    await service.updateInvoices({ id: invoice.id, status: "paid", paid_at: capturedAt })
    status = "paid"
  }
  return new StepResponse({ invoice_id: invoice.id, created: issued.created, status })
})

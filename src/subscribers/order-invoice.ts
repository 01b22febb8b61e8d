import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncOrderInvoiceWorkflow } from "../workflows/sync-order-invoice"

/** An order was placed or cancelled: its invoice follows. */
export default async function orderInvoiceHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  try {
    await syncOrderInvoiceWorkflow(container).run({ input: { order_id: event.data.id } })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Customer portal: the invoice of order ${event.data.id} could not be updated: ${(error as Error)?.message ?? error}`)
    throw error
  }
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled"],
  context: { subscriberId: "customer-portal-order-invoice" },
}

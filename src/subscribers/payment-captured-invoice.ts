import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncOrderInvoiceWorkflow } from "../workflows/sync-order-invoice"

/** A payment was captured: the invoice of its order becomes paid. */
export default async function paymentCapturedInvoiceHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [payment],
  } = await query.graph({ entity: "payment", fields: ["payment_collection.order.id"], filters: { id: event.data.id } })
  const orderId = payment?.payment_collection?.order?.id
  if (orderId) {
    await syncOrderInvoiceWorkflow(container).run({ input: { order_id: orderId } })
  }
}

export const config: SubscriberConfig = {
  event: "payment.captured",
  context: { subscriberId: "customer-portal-payment-captured-invoice" },
}

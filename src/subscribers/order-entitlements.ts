import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { withdrawOrderEntitlementsWorkflow } from "../workflows/withdraw-order-entitlements"

/**
 * M8: an order cancelled, or refunded in full, takes back the license keys
 * it issued and the subscriptions it started (`withdrawOrderEntitlementsWorkflow`).
 * A refund is followed to its order; a partial one takes nothing back.
 */
export default async function orderEntitlementsHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let orderId: string | null = event.data.id
  let reason: "order_canceled" | "order_refunded" = "order_canceled"
  if (event.name === "payment.refunded") {
    reason = "order_refunded"
    orderId = await fullyRefundedOrder(container, event.data.id)
    if (!orderId) return
  }
  try {
    await withdrawOrderEntitlementsWorkflow(container).run({ input: { order_id: orderId, reason } })
  } catch (error) {
    logger.error(`Customer portal: what order ${orderId} granted could not be taken back: ${(error as Error)?.message ?? error}`)
    throw error
  }
}

/** The order of a refunded payment when everything captured for it has been refunded, or null. */
async function fullyRefundedOrder(container: SubscriberArgs<unknown>["container"], paymentId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [payment],
  } = await query.graph({ entity: "payment", fields: ["payment_collection.order.id"], filters: { id: paymentId } })
  const order = (payment as any)?.payment_collection?.order
  if (!order?.id) return null
  const {
    data: [full],
  } = await query.graph({
    entity: "order",
    fields: ["id", "payment_collections.payments.captured_at", "payment_collections.payments.amount", "payment_collections.payments.refunds.amount"],
    filters: { id: order.id },
  })
  const payments = ((full as any)?.payment_collections ?? []).flatMap((c: any) => c?.payments ?? []).filter((p: any) => p?.captured_at)
  if (!payments.length) return null
  const captured = payments.reduce((sum: number, p: any) => sum + Number(p.amount), 0)
  const refunded = payments.reduce((sum: number, p: any) => sum + (p.refunds ?? []).reduce((s: number, r: any) => s + Number(r.amount), 0), 0)
  return refunded >= captured ? order.id : null
}

export const config: SubscriberConfig = {
  event: ["order.canceled", "payment.refunded"],
  context: { subscriberId: "customer-portal-order-entitlements" },
}

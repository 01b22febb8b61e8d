import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { startOrderSubscriptionsWorkflow } from "../workflows/start-order-subscriptions"

/** An order was placed: its plan lines start subscriptions. */
export default async function orderSubscriptionsHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  try {
    await startOrderSubscriptionsWorkflow(container).run({ input: { order_id: event.data.id } })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Customer portal: subscriptions of order ${event.data.id} could not be started: ${(error as Error)?.message ?? error}`)
    throw error
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "customer-portal-order-subscriptions" },
}

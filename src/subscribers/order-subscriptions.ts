import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { issueOrderLicenseKeysWorkflow } from "../workflows/issue-order-license-keys"
import { startOrderSubscriptionsWorkflow } from "../workflows/start-order-subscriptions"

/**
 * An order was placed: its plan lines start subscriptions, then its
 * license-keyed lines get their keys — in that order, so keys of a
 * subscription's line are tied to it from the start. Each part runs even if
 * the other failed; a failure is logged and raised, and both are safe to run
 * again.
 */
export default async function orderSubscriptionsHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const failures: unknown[] = []
  try {
    await startOrderSubscriptionsWorkflow(container).run({ input: { order_id: event.data.id } })
  } catch (error) {
    logger.error(`Customer portal: subscriptions of order ${event.data.id} could not be started: ${(error as Error)?.message ?? error}`)
    failures.push(error)
  }
  try {
    await issueOrderLicenseKeysWorkflow(container).run({ input: { order_id: event.data.id } })
  } catch (error) {
    logger.error(`Customer portal: license keys of order ${event.data.id} could not be issued: ${(error as Error)?.message ?? error}`)
    failures.push(error)
  }
  if (failures.length) throw failures[0]
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "customer-portal-order-subscriptions" },
}

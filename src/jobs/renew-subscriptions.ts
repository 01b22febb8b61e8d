import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { finishInterruptedCharges } from "../lib/finish-interrupted-charges"
import { renewDueSubscriptions } from "../lib/renew-due-subscriptions"

/**
 * S2: renews the due subscriptions, after recording any reactivation charge
 * a stopped server left unrecorded. The schedule is `PORTAL_RENEWAL_SCHEDULE`
 * (cron), every 15 minutes by default.
 */
export default async function renewSubscriptionsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const interrupted = await finishInterruptedCharges(container)
  if (interrupted.finished) {
    logger.info(`Customer portal: ${interrupted.finished} interrupted payment(s) recorded; their subscriptions are active again.`)
  }
  const summary = await renewDueSubscriptions(container)
  if (summary.renewed || summary.failed) {
    logger.info(`Customer portal: ${summary.renewed} subscription(s) renewed, ${summary.failed} put on hold after a failed payment.`)
  }
}

export const config = {
  name: "customer-portal-renew-subscriptions",
  schedule: process.env.PORTAL_RENEWAL_SCHEDULE || "*/15 * * * *",
}

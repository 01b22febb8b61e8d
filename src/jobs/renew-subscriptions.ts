import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { renewDueSubscriptions } from "../lib/renew-due-subscriptions"

/** S2: renews the due subscriptions. The schedule is `PORTAL_RENEWAL_SCHEDULE` (cron), every 15 minutes by default. */
export default async function renewSubscriptionsJob(container: MedusaContainer) {
  const summary = await renewDueSubscriptions(container)
  if (summary.renewed || summary.failed) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Customer portal: ${summary.renewed} subscription(s) renewed, ${summary.failed} put on hold after a failed payment.`)
  }
}

export const config = {
  name: "customer-portal-renew-subscriptions",
  schedule: process.env.PORTAL_RENEWAL_SCHEDULE || "*/15 * * * *",
}

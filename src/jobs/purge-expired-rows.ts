import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { purgeExpiredRows } from "../lib/purge-expired-rows"

/**
 * L8: deletes what nobody can use any more — expired and spent sign-in links,
 * ended sessions, drained rate-limit buckets, old idempotency keys and test
 * cards no one can pay with — in short batches, one server at a time. The
 * audit trail stays. The schedule is `PORTAL_PURGE_SCHEDULE` (cron), every
 * 10 minutes by default.
 */
export default async function purgeExpiredRowsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const run = await purgeExpiredRows(container)
  if (run.skipped) {
    logger.debug?.("Customer portal: the purge is running on another server; this run skipped it.")
    return
  }
  const { links, sessions, rate_limits, idempotency_keys, test_cards } = run.purged
  if (links + sessions + rate_limits + idempotency_keys + test_cards > 0 || !run.complete) {
    logger.info(
      `Customer portal: purged ${links} sign-in link(s), ${sessions} session(s), ${rate_limits} rate-limit bucket(s), ` +
        `${idempotency_keys} idempotency key(s) and ${test_cards} test card(s) in ${(run.ms / 1000).toFixed(1)} s` +
        (run.complete ? "." : "; the time budget ran out, the rest goes next run.")
    )
  }
}

export const config = {
  name: "customer-portal-purge-expired-rows",
  schedule: process.env.PORTAL_PURGE_SCHEDULE || "*/10 * * * *",
}

import type { ExecArgs } from "@medusajs/framework/types"
import { purgeExpiredRows, PURGE_BATCH_SIZE, PURGE_PAUSE_FACTOR, PURGE_TIME_BUDGET_MS } from "../src/lib/purge-expired-rows"

/**
 * The purge job's pace beside a server under load: once the app is up it
 * prints BENCH_PURGE_STARTED (the benchmark then starts its load), runs one
 * pass of the job as the scheduler runs it — batches of PURGE_BATCH_SIZE,
 * its time budget, its rests — and prints one JSON line: rows purged by
 * table, statements, seconds, and whether it finished within its budget.
 */
export default async function benchPurge({ container }: ExecArgs) {
  process.stdout.write("BENCH_PURGE_STARTED\n")
  const started = performance.now()
  const run = await purgeExpiredRows(container)
  const seconds = (performance.now() - started) / 1000
  const purged = Object.values(run.purged).reduce((sum, n) => sum + n, 0)
  process.stdout.write(
    `BENCH_RESULT ${JSON.stringify({
      ...run,
      seconds,
      rows: purged,
      per_second: purged / seconds,
      batch_size: PURGE_BATCH_SIZE,
      pause_factor: PURGE_PAUSE_FACTOR,
      budget_s: PURGE_TIME_BUDGET_MS / 1000,
    })}\n`
  )
}

/**
 * The one source of "now" for every time-dependent rule (link and session
 * expiry, rate limits, renewals). Tests replace `clock.now` instead of
 * sleeping; SQL takes its time from here too, never from the database's now().
 */
export const clock = {
  now: (): Date => new Date(),
}

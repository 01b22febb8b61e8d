export type Interval = "day" | "week" | "month" | "year"

/**
 * The end of a period that starts at `start`: `count` intervals later, in
 * UTC. Months keep the day of the month where they can and clamp where they
 * cannot (31 January + 1 month = 28 or 29 February), as card networks and
 * billing systems do.
 */
export function addInterval(start: Date, interval: Interval, count: number): Date {
  const d = new Date(start.getTime())
  switch (interval) {
    case "day":
      d.setUTCDate(d.getUTCDate() + count)
      return d
    case "week":
      d.setUTCDate(d.getUTCDate() + 7 * count)
      return d
    case "month":
    case "year": {
      const months = interval === "year" ? 12 * count : count
      const day = d.getUTCDate()
      d.setUTCDate(1)
      d.setUTCMonth(d.getUTCMonth() + months)
      const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
      d.setUTCDate(Math.min(day, last))
      return d
    }
  }
}

/** The key of one billing period of a subscription, for idempotent invoices and charges. */
export const periodKey = (subscriptionId: string, periodStart: Date) => `${subscriptionId}:${periodStart.toISOString()}`

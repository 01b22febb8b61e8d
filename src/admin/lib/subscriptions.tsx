import { Badge } from "@medusajs/ui"
import type { AdminSubscription, SubscriptionStatus } from "./types"
import { formatMinor } from "./invoices"

const STATUS: Record<SubscriptionStatus, { label: string; color: "green" | "orange" | "grey" | "red" }> = {
  active: { label: "Active", color: "green" },
  on_hold: { label: "On hold", color: "red" },
  cancelled: { label: "Cancelled", color: "grey" },
  expired: { label: "Expired", color: "grey" },
}

export const SUBSCRIPTION_STATUSES = Object.entries(STATUS).map(([value, { label }]) => ({ value: value as SubscriptionStatus, label }))

export const SubscriptionStatusBadge = ({ subscription }: { subscription: Pick<AdminSubscription, "status" | "cancel_at_period_end"> }) => (
  <Badge size="2xsmall" color={subscription.cancel_at_period_end && subscription.status === "active" ? "orange" : STATUS[subscription.status].color}>
    {subscription.cancel_at_period_end && subscription.status === "active" ? "Ends at period end" : STATUS[subscription.status].label}
  </Badge>
)

/** "$20.00 / month", "$50.00 every 3 months". */
export function priceLabel(sub: Pick<AdminSubscription, "amount" | "currency_code" | "interval" | "interval_count">): string {
  const money = formatMinor(sub.amount, sub.currency_code)
  return sub.interval_count === 1 ? `${money} / ${sub.interval}` : `${money} every ${sub.interval_count} ${sub.interval}s`
}

const BRANDS: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express" }

/** "Visa •••• 4242", or null without a card. */
export const cardLabel = (brand: string | null, last4: string | null) => (last4 ? `${BRANDS[brand ?? ""] ?? "Card"} •••• ${last4}` : null)

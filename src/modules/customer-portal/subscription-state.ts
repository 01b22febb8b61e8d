export type SubscriptionStatus = "active" | "on_hold" | "cancelled" | "expired"

/**
 * The subscription state machine. `cancelled` and `expired` are final: a
 * customer who comes back starts a new subscription.
 */
const TRANSITIONS: Record<SubscriptionStatus, readonly SubscriptionStatus[]> = {
  active: ["on_hold", "cancelled", "expired"],
  on_hold: ["active", "cancelled", "expired"],
  cancelled: [],
  expired: [],
}

export function canTransition(from: SubscriptionStatus, to: SubscriptionStatus): boolean {
  return TRANSITIONS[from].includes(to)
}



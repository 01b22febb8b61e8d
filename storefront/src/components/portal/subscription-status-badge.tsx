import type { PortalSubscriptionStatus } from "@/lib/portal/types"
import { StatusBadge } from "./status-badge"

const STATUS_COLORS: Record<PortalSubscriptionStatus, "green" | "orange" | "red" | "grey"> = {
  active: "green",
  on_hold: "red",
  cancelled: "grey",
  expired: "grey",
}

export function SubscriptionStatusBadge({ status }: { status: string }) {
  return <StatusBadge namespace="SubscriptionStatus" colors={STATUS_COLORS} status={status} />
}

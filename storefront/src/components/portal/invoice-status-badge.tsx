import type { PortalInvoiceStatus } from "@/lib/portal/types"
import { StatusBadge } from "./status-badge"

const STATUS_COLORS: Record<PortalInvoiceStatus, "green" | "orange" | "red" | "grey"> = {
  paid: "green",
  open: "orange",
  void: "grey",
  uncollectible: "red",
}

export function InvoiceStatusBadge({ status }: { status: string }) {
  return <StatusBadge namespace="InvoiceStatus" colors={STATUS_COLORS} status={status} />
}

import type { PortalLicenseKeyStatus } from "@/lib/portal/types"
import { StatusBadge } from "./status-badge"

const STATUS_COLORS: Record<PortalLicenseKeyStatus, "green" | "orange" | "red" | "grey"> = {
  active: "green",
  disabled: "orange",
  revoked: "red",
  expired: "grey",
}

export function LicenseKeyStatusBadge({ status }: { status: string }) {
  return <StatusBadge namespace="LicenseKeyStatus" colors={STATUS_COLORS} status={status} />
}

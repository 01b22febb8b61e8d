import { Badge } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import type { PortalSubscriptionStatus } from "@/lib/portal/types"

const STATUS_COLORS = {
  active: "green",
  on_hold: "red",
  cancelled: "grey",
  expired: "grey",
} as const

// A status the portal has no words for gets no badge, rather than untranslated backend text.
function isKnownStatus(status: string): status is PortalSubscriptionStatus {
  return Object.hasOwn(STATUS_COLORS, status)
}

export async function SubscriptionStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("SubscriptionStatus")
  if (!isKnownStatus(status)) {
    return null
  }
  return (
    <Badge size="2xsmall" color={STATUS_COLORS[status]}>
      {t(status)}
    </Badge>
  )
}

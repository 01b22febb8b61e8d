import { Badge } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import type { PortalLicenseKeyStatus } from "@/lib/portal/types"

const STATUS_COLORS = {
  active: "green",
  disabled: "orange",
  revoked: "red",
  expired: "grey",
} as const

// A status the portal has no words for gets no badge, rather than untranslated backend text.
function isKnownStatus(status: string): status is PortalLicenseKeyStatus {
  return Object.hasOwn(STATUS_COLORS, status)
}

export async function LicenseKeyStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("LicenseKeyStatus")
  if (!isKnownStatus(status)) {
    return null
  }
  return (
    <Badge size="2xsmall" color={STATUS_COLORS[status]}>
      {t(status)}
    </Badge>
  )
}

import { Badge } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import type { PortalInvoiceStatus } from "@/lib/portal/types"

const STATUS_COLORS = {
  paid: "green",
  open: "orange",
  void: "grey",
  uncollectible: "red",
} as const

// A status the portal has no words for gets no badge, rather than untranslated backend text.
function isKnownStatus(status: string): status is PortalInvoiceStatus {
  return Object.hasOwn(STATUS_COLORS, status)
}

export async function InvoiceStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("InvoiceStatus")
  if (!isKnownStatus(status)) {
    return null
  }
  return (
    <Badge size="2xsmall" color={STATUS_COLORS[status]}>
      {t(status)}
    </Badge>
  )
}

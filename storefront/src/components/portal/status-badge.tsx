import { Badge } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import type { ComponentProps } from "react"

type BadgeColor = NonNullable<ComponentProps<typeof Badge>["color"]>

/**
 * A status as a coloured badge in the page's language. A status the portal
 * has no words for (`colors` lacks it) gets no badge, rather than
 * untranslated backend text.
 */
export async function StatusBadge({
  namespace,
  colors,
  status,
}: {
  namespace: "InvoiceStatus" | "SubscriptionStatus" | "LicenseKeyStatus"
  colors: Record<string, BadgeColor>
  status: string
}) {
  if (!Object.hasOwn(colors, status)) {
    return null
  }
  const t = await getTranslations(namespace)
  return (
    <Badge size="2xsmall" color={colors[status]}>
      {t(status as Parameters<typeof t>[0])}
    </Badge>
  )
}

import { Heading, Text } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import { BackLink } from "@/components/portal/invoice-detail"
import { PortalShell } from "@/components/portal/portal-shell"
import { getBusiness, getPortalConfig } from "@/lib/portal"
import { signOutAction } from "../../actions"

/** A license key that does not exist or is not the customer's: the same sentence for both. */
export default async function LicenseKeyNotFound() {
  const t = await getTranslations("LicenseKey")
  const { businessId } = await getPortalConfig()
  const business = businessId ? await getBusiness(businessId) : null

  return (
    <PortalShell business={business} signOutAction={signOutAction}>
      <div className="flex flex-col gap-y-4 text-start">
        <BackLink label={t("backToLicenseKeys")} href="/portal/license-keys" />
        <Heading level="h1">{t("notFoundTitle")}</Heading>
        <Text className="text-ui-fg-subtle">{t("notFound")}</Text>
      </div>
    </PortalShell>
  )
}

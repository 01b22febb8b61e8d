import { Heading, Text } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import type { AppLocale } from "@/i18n/routing"
import type { PortalCustomer } from "@/lib/portal/types"
import { LicenseKeysOverview, type LicenseKeysResult } from "./license-keys-overview"
import { RecentPurchases, type RecentPurchasesResult } from "./recent-purchases"
import { OnHoldAlerts, SubscriptionsOverview, type SubscriptionsResult } from "./subscriptions-overview"

type Props = {
  locale: AppLocale
  customer: PortalCustomer
  subscriptions: SubscriptionsResult
  licenseKeys: LicenseKeysResult
  purchases: RecentPurchasesResult
}

export async function AccountOverview({ locale, customer, subscriptions, licenseKeys, purchases }: Props) {
  const t = await getTranslations("Account")
  const name = customer.first_name?.trim() || customer.last_name?.trim()

  return (
    <div className="flex flex-col gap-y-10 text-start">
      {/* Failed payments come first: they stop a subscription until the customer acts. */}
      <OnHoldAlerts result={subscriptions} />
      <div className="flex flex-col gap-y-2">
        <Heading level="h1">
          {name ? t("greeting", { name }) : t("greetingNoName")}
        </Heading>
        {customer.email && (
          <Text className="text-ui-fg-subtle">
            {t.rich("signedInAs", {
              address: customer.email,
              email: (chunks) => <bdi dir="ltr">{chunks}</bdi>,
            })}
          </Text>
        )}
      </div>
      <SubscriptionsOverview locale={locale} result={subscriptions} />
      <LicenseKeysOverview result={licenseKeys} />
      <RecentPurchases result={purchases} />
    </div>
  )
}

import { Heading, Text } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import type { PortalCustomer } from "@/lib/portal/types"
import { RecentPurchases, type RecentPurchasesResult } from "./recent-purchases"

type Props = {
  customer: PortalCustomer
  purchases: RecentPurchasesResult
}

export async function AccountOverview({ customer, purchases }: Props) {
  const t = await getTranslations("Account")
  const name = customer.first_name?.trim() || customer.last_name?.trim()

  return (
    <div className="flex flex-col gap-y-10 text-start">
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
      <RecentPurchases result={purchases} />
    </div>
  )
}

import { getTranslations } from "next-intl/server"
import type { AppLocale } from "@/i18n/routing"
import { formatMinorUnits } from "@/lib/portal/money"
import type { PortalSubscription } from "@/lib/portal/types"
import { Money } from "./money"

type Props = {
  locale: AppLocale
  subscription: Pick<PortalSubscription, "amount" | "currency_code" | "interval" | "interval_count">
}

/** "$20.00 / month", "$60.00 every 3 months": the amount isolated as in the billing pages. */
export async function SubscriptionPrice({ locale, subscription }: Props) {
  const t = await getTranslations("Subscriptions")
  const { amount, currency_code: currencyCode, interval, interval_count: count } = subscription

  return t.rich("price", {
    // The plain text stands in for the amount in the message; the tag renders it isolated.
    price: formatMinorUnits(amount, currencyCode, locale),
    interval,
    count: Math.max(1, count),
    money: () => <Money amount={amount} currencyCode={currencyCode} locale={locale} />,
  })
}

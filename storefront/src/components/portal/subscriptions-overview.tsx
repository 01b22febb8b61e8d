import { Alert, Heading, Text } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import { Link } from "@/i18n/navigation"
import type { AppLocale } from "@/i18n/routing"
import type { PortalFailure, PortalSubscription } from "@/lib/portal/types"
import { OVERVIEW_ROW, OverviewSection } from "./overview-section"
import { SubscriptionPrice } from "./subscription-price"
import { SubscriptionStatusBadge } from "./subscription-status-badge"
import {
  ALERT_LINK,
  hidden,
  planName,
  SubscriptionDateLine,
  SUBSCRIPTION_LINK,
} from "./subscription-summary"

/** The customer's current subscriptions, as the overview loaded them. */
export type SubscriptionsResult =
  | { status: "ok"; subscriptions: PortalSubscription[] }
  | { status: "failed"; failure: PortalFailure }

/**
 * One red notice per subscription whose payment failed, for the top of the overview: the
 * first thing the customer sees, each leading to its subscription.
 */
export async function OnHoldAlerts({ result }: { result: SubscriptionsResult }) {
  const onHold = result.status === "ok" ? result.subscriptions.filter((s) => s.status === "on_hold") : []
  if (onHold.length === 0) {
    return null
  }
  const t = await getTranslations("OverviewSubscriptions")

  return (
    <ul aria-label={t("alertsLabel")} className="flex max-w-xl flex-col gap-y-2">
      {onHold.map((subscription) => (
        <li key={subscription.id}>
          <Alert variant="error" className="border-ui-tag-red-border bg-ui-tag-red-bg text-ui-fg-base">
            <p className="txt-compact-small-plus">
              {t.rich("onHoldAlert", { plan: subscription.plan_title, name: planName })}
            </p>
            <p className="mt-1">
              <Link href={`/portal/subscriptions/${encodeURIComponent(subscription.id)}`} className={ALERT_LINK}>
                {t.rich("onHoldLink", { plan: subscription.plan_title, name: planName, hidden })}
              </Link>
            </p>
          </Alert>
        </li>
      ))}
    </ul>
  )
}

type Props = { locale: AppLocale; result: SubscriptionsResult }

/** The overview's short list of current subscriptions, with the way to all of them. */
export async function SubscriptionsOverview({ locale, result }: Props) {
  const t = await getTranslations("OverviewSubscriptions")
  const tList = await getTranslations("Subscriptions")

  return (
    <OverviewSection
      id="overview-subscriptions"
      heading={t("heading")}
      viewAll={{ href: "/portal/subscriptions", label: t("viewAll") }}
      failure={result.status === "failed" ? result.failure : undefined}
      empty={result.status === "ok" && result.subscriptions.length === 0 ? t("empty") : null}
    >
      {result.status === "ok" &&
        result.subscriptions.map((subscription) => (
          <li key={subscription.id} className={OVERVIEW_ROW}>
            <Heading level="h3" className="txt-compact-medium-plus min-w-0">
              <bdi dir="auto">{subscription.plan_title}</bdi>
            </Heading>
            <p className="flex items-center justify-self-end">
              <span className="sr-only">{tList("statusLabel")}: </span>
              <SubscriptionStatusBadge status={subscription.status} />
            </p>
            <Text size="small" className="col-span-2 text-ui-fg-base">
              <span className="sr-only">{tList("priceLabel")}: </span>
              <SubscriptionPrice locale={locale} subscription={subscription} />
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              <SubscriptionDateLine subscription={subscription} />
            </Text>
            <Link
              href={`/portal/subscriptions/${encodeURIComponent(subscription.id)}`}
              className={`${SUBSCRIPTION_LINK} justify-self-end`}
            >
              {tList.rich("manage", { plan: subscription.plan_title, hidden, name: planName })}
            </Link>
          </li>
        ))}
    </OverviewSection>
  )
}

import { Alert, Badge, Heading, Text } from "@medusajs/ui"
import { getFormatter, getLocale, getTranslations } from "next-intl/server"
import type { PortalFailure, PortalOrder } from "@/lib/portal/types"
import { FailureMessage } from "./failure-message"

export type RecentPurchasesResult =
  | { status: "ok"; orders: PortalOrder[] }
  | { status: "failed"; failure: PortalFailure }

const ITEMS_SHOWN = 3

const STATUS_COLORS = {
  pending: "orange",
  completed: "green",
  canceled: "red",
  requires_action: "orange",
  archived: "grey",
  draft: "grey",
} as const

type KnownStatus = keyof typeof STATUS_COLORS

// A status the portal has no words for gets no badge, rather than untranslated backend text.
function isKnownStatus(status: string): status is KnownStatus {
  return Object.hasOwn(STATUS_COLORS, status)
}

export async function RecentPurchases({ result }: { result: RecentPurchasesResult }) {
  const t = await getTranslations("RecentPurchases")

  return (
    <section aria-labelledby="recent-purchases-heading" className="flex flex-col gap-y-4">
      <Heading level="h2" id="recent-purchases-heading">
        {t("heading")}
      </Heading>
      {result.status === "failed" ? (
        <Alert variant="error">
          <FailureMessage failure={result.failure} />
        </Alert>
      ) : result.orders.length === 0 ? (
        <Text className="text-ui-fg-subtle">{t("empty")}</Text>
      ) : (
        <ul className="flex flex-col gap-y-3">
          {result.orders.map((order) => (
            <li key={order.display_id}>
              <OrderSummary order={order} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

async function OrderSummary({ order }: { order: PortalOrder }) {
  const t = await getTranslations("RecentPurchases")
  const format = await getFormatter()
  const locale = await getLocale()
  const shown = order.items.slice(0, ITEMS_SHOWN)
  const hidden = order.items.length - shown.length

  return (
    <article className="flex flex-col gap-y-2 rounded-lg bg-ui-bg-base p-4 shadow-elevation-card-rest">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        {/* The number stays in Latin digits and ungrouped: it is what the customer quotes to support. */}
        <Heading level="h3" className="txt-compact-medium-plus">
          {t("orderNumber", { number: String(order.display_id) })}
        </Heading>
        <p className="txt-compact-medium-plus text-ui-fg-base">
          <span className="sr-only">{t("total")}: </span>
          {formatMoney(order.total, order.currency_code, locale)}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Text size="small" className="text-ui-fg-subtle">
          <time dateTime={order.created_at}>
            {t("placedOn", { date: format.dateTime(new Date(order.created_at), { dateStyle: "medium" }) })}
          </time>
        </Text>
        {isKnownStatus(order.status) && (
          <Badge size="2xsmall" color={STATUS_COLORS[order.status]}>
            {t(`status.${order.status}`)}
          </Badge>
        )}
      </div>
      {shown.length > 0 && (
        <ul className="txt-compact-small flex flex-col gap-y-1 text-ui-fg-base">
          {shown.map((item, index) => (
            <li key={index}>
              {/* Isolated, so a product name in another script keeps its order. */}
              {t.rich("itemQuantity", {
                quantity: item.quantity,
                title: item.title,
                name: (chunks) => <bdi>{chunks}</bdi>,
              })}
            </li>
          ))}
          {hidden > 0 && <li className="text-ui-fg-subtle">{t("moreItems", { count: hidden })}</li>}
        </ul>
      )}
    </article>
  )
}

/** Total in major units; the currency code is isolated, or "US$" turns into "$US" in Arabic. */
function formatMoney(amount: number, currencyCode: string, locale: string) {
  let parts: Intl.NumberFormatPart[]
  try {
    parts = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: currencyCode.toUpperCase(),
    }).formatToParts(amount)
  } catch {
    // An unknown currency code must not take the whole overview down.
    return `${amount} ${currencyCode.toUpperCase()}`
  }
  return parts.map((part, index) =>
    part.type === "currency" ? <bdi key={index}>{part.value}</bdi> : part.value
  )
}

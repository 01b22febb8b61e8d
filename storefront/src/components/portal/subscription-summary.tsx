import { Alert, clx, Heading, Text } from "@medusajs/ui"
import { getFormatter, getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import { Link } from "@/i18n/navigation"
import type { AppLocale } from "@/i18n/routing"
import { formatMinorUnits } from "@/lib/portal/money"
import type { PortalSubscription } from "@/lib/portal/types"
import { Money } from "./money"
import { SubscriptionPrice } from "./subscription-price"
import { SubscriptionStatusBadge } from "./subscription-status-badge"

/** Failure codes the portal words itself, in the customer's language. */
const KNOWN_REASONS = ["card_declined", "insufficient_funds", "authentication_required", "expired_card"]

type Props = { locale: AppLocale; subscription: PortalSubscription }

export const SUBSCRIPTION_LINK =
  "txt-compact-small-plus w-fit rounded-md py-1 text-ui-fg-interactive underline-offset-2 outline-none hover:underline focus-visible:shadow-borders-focus"

/** A link inside a red notice: the notice's own text colour, underlined, so it reads on red. */
export const ALERT_LINK =
  "txt-compact-small-plus rounded-sm text-ui-fg-base underline underline-offset-2 outline-none hover:text-ui-fg-interactive focus-visible:shadow-borders-focus"

/** Words only a screen reader reads, such as the plan a "Manage" link is for. */
export const hidden = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>

/** A plan title from the store, in any script: isolated, so it keeps its order in either language. */
export const planName = (chunks: ReactNode) => <bdi dir="auto">{chunks}</bdi>

export function isPastSubscription(subscription: Pick<PortalSubscription, "status">): boolean {
  return subscription.status === "cancelled" || subscription.status === "expired"
}

/**
 * One subscription in a list: plan, price, status, the date that matters next and "Manage".
 * A subscription on hold gets a red frame and the failed payment's notice.
 */
export async function SubscriptionSummary({ locale, subscription }: Props) {
  const t = await getTranslations("Subscriptions")
  const onHold = subscription.status === "on_hold"
  const headingId = `subscription-${subscription.id}-heading`

  return (
    <article
      aria-labelledby={headingId}
      className={clx(
        "flex flex-col gap-y-3 rounded-lg bg-ui-bg-base p-4 shadow-elevation-card-rest",
        onHold && "border-2 border-ui-tag-red-border"
      )}
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="flex min-w-0 flex-col gap-y-1">
          <Heading level="h3" id={headingId} className="txt-compact-medium-plus">
            <bdi dir="auto">{subscription.plan_title}</bdi>
          </Heading>
          <Text size="small" className="text-ui-fg-base">
            <span className="sr-only">{t("priceLabel")}: </span>
            <SubscriptionPrice locale={locale} subscription={subscription} />
          </Text>
        </div>
        <p className="flex items-center">
          <span className="sr-only">{t("statusLabel")}: </span>
          <SubscriptionStatusBadge status={subscription.status} />
        </p>
      </div>
      {onHold && <OnHoldNotice locale={locale} subscription={subscription} />}
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <Text size="small" className="text-ui-fg-subtle">
          <SubscriptionDateLine subscription={subscription} />
        </Text>
        <Link href={`/portal/subscriptions/${encodeURIComponent(subscription.id)}`} className={SUBSCRIPTION_LINK}>
          {t.rich("manage", { plan: subscription.plan_title, hidden, name: planName })}
        </Link>
      </div>
    </article>
  )
}

type DateLine = { key: "renewsOn" | "endsOn" | "endedOn" | "onHoldSince"; iso: string }

/** The one date a list shows: when it ended, when it ends, since when it is on hold, or when it renews. */
function dateLineOf(subscription: PortalSubscription): DateLine | null {
  if (isPastSubscription(subscription)) {
    return {
      key: "endedOn",
      iso: subscription.ended_at ?? subscription.cancelled_at ?? subscription.current_period_end,
    }
  }
  if (subscription.cancel_at_period_end) {
    return { key: "endsOn", iso: subscription.current_period_end }
  }
  if (subscription.status === "on_hold" && subscription.on_hold_since) {
    return { key: "onHoldSince", iso: subscription.on_hold_since }
  }
  return subscription.next_renewal_at ? { key: "renewsOn", iso: subscription.next_renewal_at } : null
}

/** "Renews on …", "Ends on …", "Ended on …" or "On hold since …"; nothing when there is no such date. */
export async function SubscriptionDateLine({ subscription }: { subscription: PortalSubscription }) {
  const line = dateLineOf(subscription)
  if (!line) {
    return null
  }
  const t = await getTranslations("Subscriptions")
  const format = await getFormatter()
  return t.rich(line.key, {
    date: format.dateTime(new Date(line.iso), { dateStyle: "medium" }),
    time: (chunks) => <time dateTime={line.iso}>{chunks}</time>,
  })
}

type NoticeProps = Props & {
  /** Links the detail page adds: the unpaid invoice, the payment method. */
  children?: ReactNode
  className?: string
}

/**
 * The failed payment of a subscription on hold: the sentence, the amount due and the provider's
 * reason when it gave one. Red, with the error icon, so it cannot be mistaken for a note.
 */
export async function OnHoldNotice({ locale, subscription, children, className }: NoticeProps) {
  const t = await getTranslations("Subscriptions")
  const outstanding = subscription.outstanding

  return (
    <Alert variant="error" className={clx("border-ui-tag-red-border bg-ui-tag-red-bg text-ui-fg-base", className)}>
      <p className="txt-compact-small-plus">{t("paymentFailed")}</p>
      {outstanding && (
        <p className="mt-1">
          {t.rich("amountDue", {
            amount: formatMinorUnits(outstanding.amount, outstanding.currency_code, locale),
            money: () => (
              <strong className="font-medium">
                <Money amount={outstanding.amount} currencyCode={outstanding.currency_code} locale={locale} />
              </strong>
            ),
          })}
        </p>
      )}
      {outstanding?.reason_code && KNOWN_REASONS.includes(outstanding.reason_code) ? (
        <p className="mt-1">{t(`knownReasons.${outstanding.reason_code}` as "knownReasons.card_declined")}</p>
      ) : outstanding?.reason && (
        <p className="mt-1">
          {t.rich("providerReason", {
            reason: outstanding.reason,
            // The provider's own words, often English: isolated inside an Arabic sentence.
            text: (chunks) => <bdi dir="auto">{chunks}</bdi>,
          })}
        </p>
      )}
      {children}
    </Alert>
  )
}

import { Alert, Heading, Text } from "@medusajs/ui"
import { getFormatter, getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import { Link } from "@/i18n/navigation"
import type { AppLocale } from "@/i18n/routing"
import { isCancelReason } from "@/lib/portal/subscription-options"
import type { PortalInvoice, PortalSubscription } from "@/lib/portal/types"
import { BackLink } from "./invoice-detail"
import { InvoiceList } from "./invoice-list"
import { PaymentMethodLabel } from "./payment-method-label"
import { SubscriptionPrice } from "./subscription-price"
import { SubscriptionStatusBadge } from "./subscription-status-badge"
import {
  ALERT_LINK,
  hidden,
  isPastSubscription,
  OnHoldNotice,
  SUBSCRIPTION_LINK,
} from "./subscription-summary"

type Props = {
  locale: AppLocale
  subscription: PortalSubscription
  /** The latest invoices of the subscription, newest first. */
  invoices: PortalInvoice[]
  /** The cancel and undo controls, rendered by the page with its server actions. */
  actions: ReactNode
}

type Detail = { key: string; label: string; value: ReactNode }

export async function SubscriptionDetail({ locale, subscription, invoices, actions }: Props) {
  const t = await getTranslations("Subscription")
  const tStatus = await getTranslations("Subscriptions")
  const tReason = await getTranslations("SubscriptionActions.reasons")
  const format = await getFormatter()
  const date = (iso: string) => (
    <time dateTime={iso}>{format.dateTime(new Date(iso), { dateStyle: "long" })}</time>
  )
  const past = isPastSubscription(subscription)
  const onHold = subscription.status === "on_hold"
  const ending = !past && subscription.cancel_at_period_end
  const path = `/portal/subscriptions/${encodeURIComponent(subscription.id)}`

  const details: Detail[] = [
    {
      key: "period",
      label: past ? t("lastPeriod") : t("currentPeriod"),
      value: t.rich("period", {
        start: format.dateTime(new Date(subscription.current_period_start), { dateStyle: "long" }),
        end: format.dateTime(new Date(subscription.current_period_end), { dateStyle: "long" }),
        startTime: (chunks) => <time dateTime={subscription.current_period_start}>{chunks}</time>,
        endTime: (chunks) => <time dateTime={subscription.current_period_end}>{chunks}</time>,
      }),
    },
  ]
  if (past) {
    details.push({
      key: "endedOn",
      label: t("endedOn"),
      value: date(subscription.ended_at ?? subscription.cancelled_at ?? subscription.current_period_end),
    })
  } else if (ending) {
    details.push({ key: "endsOn", label: t("endsOn"), value: date(subscription.current_period_end) })
  } else if (subscription.next_renewal_at) {
    details.push({ key: "nextRenewal", label: t("nextRenewal"), value: date(subscription.next_renewal_at) })
  }
  if (onHold && subscription.on_hold_since) {
    details.push({ key: "onHoldSince", label: t("onHoldSince"), value: date(subscription.on_hold_since) })
  }
  details.push({ key: "startedOn", label: t("startedOn"), value: date(subscription.started_at) })
  if (subscription.quantity > 1) {
    details.push({ key: "quantity", label: t("quantity"), value: format.number(subscription.quantity) })
  }
  if (past && subscription.cancelled_at) {
    details.push({ key: "cancelledOn", label: t("cancelledOn"), value: date(subscription.cancelled_at) })
  }
  if (isCancelReason(subscription.cancellation_reason)) {
    details.push({
      key: "reason",
      label: t("cancellationReason"),
      value: tReason(subscription.cancellation_reason),
    })
  }

  return (
    <div className="flex flex-col gap-y-8 text-start">
      <BackLink label={t("backToSubscriptions")} href="/portal/subscriptions" />

      <div className="flex flex-col gap-y-4">
        <div className="flex flex-col gap-y-2">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <Heading level="h1">
              <bdi dir="auto">{subscription.plan_title}</bdi>
            </Heading>
            <p className="flex items-center">
              <span className="sr-only">{tStatus("statusLabel")}: </span>
              <SubscriptionStatusBadge status={subscription.status} />
            </p>
          </div>
          <Text className="txt-medium-plus text-ui-fg-base">
            <span className="sr-only">{t("price")}: </span>
            <SubscriptionPrice locale={locale} subscription={subscription} />
          </Text>
        </div>

        {onHold && (
          <OnHoldNotice locale={locale} subscription={subscription} className="max-w-xl">
            <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
              {subscription.outstanding && (
                <Link
                  href={`/portal/billing/${encodeURIComponent(subscription.outstanding.invoice_id)}`}
                  className={ALERT_LINK}
                >
                  {t.rich("viewInvoice", {
                    number: subscription.outstanding.number,
                    // The number stays left to right in the Arabic sentence.
                    ltr: (chunks) => <bdi dir="ltr">{chunks}</bdi>,
                  })}
                </Link>
              )}
              {!past && subscription.actions.change_payment_method !== false && (
                <Link href={`${path}/payment-method`} className={ALERT_LINK}>
                  {t("updatePaymentMethod")}
                </Link>
              )}
            </p>
          </OnHoldNotice>
        )}
        {ending && (
          <Alert variant="warning" className="max-w-xl">
            {t.rich("endingNotice", {
              date: format.dateTime(new Date(subscription.current_period_end), { dateStyle: "long" }),
              time: (chunks) => <time dateTime={subscription.current_period_end}>{chunks}</time>,
            })}
          </Alert>
        )}
        {actions}
      </div>

      <section aria-labelledby="subscription-details-heading" className="flex flex-col gap-y-3">
        <Heading level="h2" id="subscription-details-heading">
          {t("details")}
        </Heading>
        <dl className="txt-compact-small grid grid-cols-1 gap-4 rounded-lg bg-ui-bg-base p-4 shadow-elevation-card-rest sm:grid-cols-2 lg:grid-cols-3">
          {details.map((detail) => (
            <div key={detail.key} className="flex flex-col gap-y-0.5">
              <dt className="text-ui-fg-subtle">{detail.label}</dt>
              <dd className="text-ui-fg-base">{detail.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="subscription-payment-heading" className="flex flex-col gap-y-3">
        <Heading level="h2" id="subscription-payment-heading">
          {t("paymentMethod")}
        </Heading>
        <div className="flex max-w-xl flex-wrap items-center justify-between gap-3 rounded-lg bg-ui-bg-base p-4 shadow-elevation-card-rest">
          <Text className="text-ui-fg-base">
            <PaymentMethodLabel method={subscription.payment_method} />
          </Text>
          {/* An ended subscription is not charged again: nothing to change. */}
          {!past && subscription.actions.change_payment_method !== false && (
            <Link href={`${path}/payment-method`} className={SUBSCRIPTION_LINK}>
              {t.rich("edit", { hidden })}
            </Link>
          )}
        </div>
      </section>

      <section aria-labelledby="subscription-invoices-heading" className="flex flex-col gap-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <Heading level="h2" id="subscription-invoices-heading">
            {t("latestInvoices")}
          </Heading>
          <Link href="/portal/billing" className={SUBSCRIPTION_LINK}>
            {t("allInvoices")}
          </Link>
        </div>
        {invoices.length === 0 ? (
          <Text className="text-ui-fg-subtle">{t("noInvoices")}</Text>
        ) : (
          <InvoiceList locale={locale} invoices={invoices} filtered={false} />
        )}
      </section>
    </div>
  )
}

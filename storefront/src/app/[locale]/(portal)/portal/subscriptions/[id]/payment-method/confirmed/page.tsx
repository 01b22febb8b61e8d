import { Alert, Button, Heading, Text } from "@medusajs/ui"
import { getFormatter, getTranslations } from "next-intl/server"
import { notFound } from "next/navigation"
import { FailureMessage } from "@/components/portal/failure-message"
import { FocusedHeading } from "@/components/portal/focused-heading"
import { Money } from "@/components/portal/money"
import { PaymentMethodLabel } from "@/components/portal/payment-method-label"
import { PortalShell } from "@/components/portal/portal-shell"
import { ALERT_LINK } from "@/components/portal/subscription-summary"
import { Link } from "@/i18n/navigation"
import type { AppLocale } from "@/i18n/routing"
import { getInvoice, getSubscription, isFetchError, toFailure } from "@/lib/portal"
import { formatMinorUnits } from "@/lib/portal/money"
import { SUBSCRIPTION_ID } from "@/lib/portal/subscription-options"
import type { PortalInvoiceDetail, PortalSubscription } from "@/lib/portal/types"
import { signOutAction } from "../../../../actions"
import { loadWithSession, requireSession } from "../../../../billing/signed-in"

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<{ invoice?: string | string[] }>
}

/** Loose on purpose: enough to keep slashes, dots and query text out of the backend's path. */
const INVOICE_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * Where a changed payment method lands (M5, M7): the method now used and, after a subscription
 * on hold was paid (`?invoice=`), the payment and the subscription's new start. Everything is read
 * again from the backend, so the page only says what is true now.
 */
export default async function PaymentMethodConfirmedPage({ params, searchParams }: Props) {
  const { locale, id } = await params
  const { invoice: invoiceParam } = await searchParams
  const session = await requireSession(locale)
  if (!SUBSCRIPTION_ID.test(id)) {
    notFound()
  }
  const invoiceId = typeof invoiceParam === "string" && INVOICE_ID.test(invoiceParam) ? invoiceParam : null
  const [me, result] = await loadWithSession(session, () =>
    Promise.all([
      getSubscription(session.token, id),
      // Without its invoice the page still says what it knows.
      invoiceId
        ? getInvoice(session.token, invoiceId).then(
            ({ invoice }) => invoice,
            () => null
          )
        : null,
    ])
  )
  if (result.status === "rejected" && isFetchError(result.reason) && result.reason.status === 404) {
    notFound()
  }
  const t = await getTranslations("PaymentMethod")

  return (
    <PortalShell
      business={session.business}
      testMode={me.status === "fulfilled" ? me.value.session.mode === "test" : undefined}
      signOutAction={signOutAction}
    >
      <div className="flex max-w-xl flex-col gap-y-6 text-start">
        {result.status === "fulfilled" ? (
          <Confirmation
            locale={session.locale}
            subscription={result.value[0].subscription}
            invoice={result.value[1]}
            paidDues={invoiceId !== null}
          />
        ) : (
          <Alert variant="error">
            <FailureMessage failure={toFailure(result.reason)} />
          </Alert>
        )}
        <Button asChild variant="secondary" className="w-full sm:w-fit">
          <Link href={`/portal/subscriptions/${encodeURIComponent(id)}`}>{t("back")}</Link>
        </Button>
      </div>
    </PortalShell>
  )
}

type ConfirmationProps = {
  locale: AppLocale
  subscription: PortalSubscription
  /** The invoice the dues were paid with, when it could be loaded. */
  invoice: PortalInvoiceDetail | null
  /** The change paid the dues of a subscription on hold. */
  paidDues: boolean
}

async function Confirmation({ locale, subscription, invoice, paidDues }: ConfirmationProps) {
  const t = await getTranslations("PaymentMethodConfirmed")
  const tMethod = await getTranslations("PaymentMethod")
  const tSubscription = await getTranslations("Subscription")
  const format = await getFormatter()
  const active = subscription.status === "active"
  const onHold = subscription.status === "on_hold"
  const paid = invoice?.status === "paid" ? invoice : null
  const renewal = subscription.next_renewal_at

  return (
    <>
      <div role="status" className="flex flex-col gap-y-2">
        <FocusedHeading>{onHold ? t("headingOnHold") : t("heading")}</FocusedHeading>
        <Text className="text-ui-fg-subtle">
          {tMethod.rich("forPlan", {
            plan: subscription.plan_title,
            name: (chunks) => <bdi dir="auto">{chunks}</bdi>,
          })}
        </Text>
      </div>

      {(paid || (paidDues && active)) && (
        <Alert variant="success">
          {paid && (
            <p>
              {t.rich("paymentSucceeded", {
                amount: formatMinorUnits(paid.total, paid.currency_code, locale),
                money: () => (
                  <strong className="font-medium">
                    <Money amount={paid.total} currencyCode={paid.currency_code} locale={locale} />
                  </strong>
                ),
              })}
            </p>
          )}
          {paidDues && active && (
            <p className="mt-1">
              {renewal
                ? t.rich("activeAgain", {
                    date: format.dateTime(new Date(renewal), { dateStyle: "long" }),
                    time: (chunks) => <time dateTime={renewal}>{chunks}</time>,
                  })
                : t("activeAgainNoDate")}
            </p>
          )}
          {paid && (
            <p className="mt-2">
              <Link href={`/portal/billing/${encodeURIComponent(paid.id)}`} className={ALERT_LINK}>
                {t.rich("viewInvoice", {
                  number: paid.number,
                  // The number stays left to right in the Arabic sentence.
                  ltr: (chunks) => <bdi dir="ltr">{chunks}</bdi>,
                })}
              </Link>
            </p>
          )}
        </Alert>
      )}

      {onHold && (
        <Alert variant="warning">
          <p>{t("stillOnHold")}</p>
          <p className="mt-2">
            <Link
              href={`/portal/subscriptions/${encodeURIComponent(subscription.id)}/payment-method`}
              className={ALERT_LINK}
            >
              {tSubscription("updatePaymentMethod")}
            </Link>
          </p>
        </Alert>
      )}

      <section aria-labelledby="new-payment-method-heading" className="flex flex-col gap-y-3">
        <Heading level="h2" id="new-payment-method-heading">
          {t("nowUsing")}
        </Heading>
        <Text className="rounded-lg bg-ui-bg-base p-4 text-ui-fg-base shadow-elevation-card-rest">
          <PaymentMethodLabel method={subscription.payment_method} />
        </Text>
        {active && !subscription.cancel_at_period_end && (
          <Text size="small" className="text-ui-fg-subtle">
            {t("futureRenewals")}
          </Text>
        )}
      </section>
    </>
  )
}

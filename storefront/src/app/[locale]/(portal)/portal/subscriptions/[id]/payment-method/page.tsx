import { Alert, Heading, Text } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import { notFound } from "next/navigation"
import { FailureMessage } from "@/components/portal/failure-message"
import { BackLink } from "@/components/portal/invoice-detail"
import { Money } from "@/components/portal/money"
import { PaymentMethodForm } from "@/components/portal/payment-method-form"
import { PaymentMethodLabel } from "@/components/portal/payment-method-label"
import { PortalShell } from "@/components/portal/portal-shell"
import { isPastSubscription, OnHoldNotice } from "@/components/portal/subscription-summary"
import type { AppLocale } from "@/i18n/routing"
import { getSubscription, isFetchError, listPaymentMethods, toFailure } from "@/lib/portal"
import { formatMinorUnits } from "@/lib/portal/money"
import { SUBSCRIPTION_ID } from "@/lib/portal/subscription-options"
import type { PortalSavedPaymentMethod, PortalSubscription } from "@/lib/portal/types"
import { addPaymentCardAction, changePaymentMethodAction, signOutAction } from "../../../actions"
import { isSessionEnded, loadWithSession, requireSession } from "../../../billing/signed-in"
import { redirectToPortal } from "@/lib/portal/redirect-to-portal"

type Props = { params: Promise<{ locale: string; id: string }> }

/**
 * Change the payment method of a subscription (M1–M7): pick a saved method or add a card, then
 * confirm. For a subscription on hold, confirming also charges what is due and restarts it.
 */
export default async function SubscriptionPaymentMethodPage({ params }: Props) {
  const { locale, id } = await params
  const session = await requireSession(locale)
  if (!SUBSCRIPTION_ID.test(id)) {
    notFound()
  }
  const [me, result] = await loadWithSession(session, () =>
    Promise.all([
      getSubscription(session.token, id),
      // Only the methods that can pay this subscription. The list failing leaves "Add a new card": the page still works without it.
      Promise.allSettled([listPaymentMethods(session.token, id)]).then(([methods]) => methods),
    ])
  )
  if (result.status === "rejected" && isFetchError(result.reason) && result.reason.status === 404) {
    notFound()
  }
  if (result.status === "fulfilled" && isSessionEnded(result.value[1])) {
    redirectToPortal(session.locale, "/portal/session-expired")
  }
  const t = await getTranslations("PaymentMethod")
  const subscriptionPath = `/portal/subscriptions/${encodeURIComponent(id)}`
  const testMode =
    me.status === "fulfilled" ? me.value.session.mode === "test" : session.business?.mode === "test"

  return (
    <PortalShell business={session.business} testMode={testMode} signOutAction={signOutAction}>
      <div className="flex max-w-xl flex-col gap-y-6 text-start">
        <BackLink label={t("back")} href={subscriptionPath} />
        <div className="flex flex-col gap-y-2">
          <Heading level="h1">{t("heading")}</Heading>
          {result.status === "fulfilled" && (
            <Text className="text-ui-fg-subtle">
              {t.rich("forPlan", {
                plan: result.value[0].subscription.plan_title,
                name: (chunks) => <bdi dir="auto">{chunks}</bdi>,
              })}
            </Text>
          )}
        </div>
        {result.status === "fulfilled" ? (
          <PaymentMethodChange
            locale={session.locale}
            subscription={result.value[0].subscription}
            methods={result.value[1]}
            testMode={testMode}
          />
        ) : (
          <Alert variant="error">
            <FailureMessage failure={toFailure(result.reason)} />
          </Alert>
        )}
      </div>
    </PortalShell>
  )
}

type ChangeProps = {
  locale: AppLocale
  subscription: PortalSubscription
  methods: PromiseSettledResult<{ payment_methods: PortalSavedPaymentMethod[] }>
  testMode: boolean
}

async function PaymentMethodChange({ locale, subscription, methods, testMode }: ChangeProps) {
  const t = await getTranslations("PaymentMethod")
  const past = isPastSubscription(subscription)
  const onHold = subscription.status === "on_hold"
  const outstanding = subscription.outstanding
  const saved = methods.status === "fulfilled" ? methods.value.payment_methods : []
  if (methods.status === "rejected") {
    // Logged; the page offers a new card instead.
    toFailure(methods.reason)
  }

  return (
    <>
      <section aria-labelledby="current-payment-method-heading" className="flex flex-col gap-y-3">
        <Heading level="h2" id="current-payment-method-heading">
          {t("current")}
        </Heading>
        <Text className="rounded-lg bg-ui-bg-base p-4 text-ui-fg-base shadow-elevation-card-rest">
          <PaymentMethodLabel method={subscription.payment_method} />
        </Text>
      </section>

      {past ? (
        // An ended subscription is not charged again: nothing to change.
        <Alert variant="info">{t("ended")}</Alert>
      ) : (
        <>
          {onHold && (
            <OnHoldNotice locale={locale} subscription={subscription}>
              <p className="mt-2">
                {outstanding
                  ? t.rich("chargeNotice", {
                      amount: formatMinorUnits(outstanding.amount, outstanding.currency_code, locale),
                      money: () => (
                        <strong className="font-medium">
                          <Money amount={outstanding.amount} currencyCode={outstanding.currency_code} locale={locale} />
                        </strong>
                      ),
                    })
                  : t("chargeNoticeNoAmount")}
              </p>
            </OnHoldNotice>
          )}
          <PaymentMethodForm
            subscriptionId={subscription.id}
            onHold={onHold}
            due={outstanding ? { amount: outstanding.amount, currencyCode: outstanding.currency_code } : null}
            methods={saved}
            currentMethodId={currentMethodOf(subscription, saved)}
            methodsLoaded={methods.status === "fulfilled"}
            testMode={testMode}
            // A card added here is saved where it can pay this subscription.
            addCardAction={addPaymentCardAction.bind(null, subscription.id)}
            changeAction={changePaymentMethodAction}
          />
        </>
      )}
    </>
  )
}

/**
 * The saved method the subscription uses: by id when the subscription names it, otherwise the
 * first with the same card details.
 */
function currentMethodOf(subscription: PortalSubscription, saved: PortalSavedPaymentMethod[]): string | null {
  const current = subscription.payment_method
  if (!current) {
    return null
  }
  if (current.id) {
    return saved.some((method) => method.id === current.id) ? current.id : null
  }
  const same = saved.find(
    (method) =>
      method.last4 === current.last4 &&
      method.exp_month === current.exp_month &&
      method.exp_year === current.exp_year &&
      (method.brand ?? "").toLowerCase() === current.brand.toLowerCase()
  )
  return same?.id ?? null
}

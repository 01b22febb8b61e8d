import { Alert, Heading, Text } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import { notFound } from "next/navigation"
import { FailureMessage } from "@/components/portal/failure-message"
import { BackLink } from "@/components/portal/invoice-detail"
import { PaymentMethodLabel } from "@/components/portal/payment-method-label"
import { PortalShell } from "@/components/portal/portal-shell"
import { getSubscription, isFetchError, toFailure } from "@/lib/portal"
import { SUBSCRIPTION_ID } from "@/lib/portal/subscription-options"
import { signOutAction } from "../../../actions"
import { loadWithSession, requireSession } from "../../../billing/signed-in"

type Props = { params: Promise<{ locale: string; id: string }> }

/**
 * For now only shows the subscription's payment method and where to get it changed; the
 * change itself replaces this page later.
 */
export default async function SubscriptionPaymentMethodPage({ params }: Props) {
  const { locale, id } = await params
  const session = await requireSession(locale)
  if (!SUBSCRIPTION_ID.test(id)) {
    notFound()
  }
  const [me, result] = await loadWithSession(session, () => getSubscription(session.token, id))
  if (result.status === "rejected" && isFetchError(result.reason) && result.reason.status === 404) {
    notFound()
  }
  const t = await getTranslations("PaymentMethod")
  const supportEmail = session.business?.support_email

  return (
    <PortalShell
      business={session.business}
      testMode={me.status === "fulfilled" ? me.value.session.mode === "test" : undefined}
      signOutAction={signOutAction}
    >
      <div className="flex max-w-xl flex-col gap-y-6 text-start">
        <BackLink label={t("back")} href={`/portal/subscriptions/${encodeURIComponent(id)}`} />
        <div className="flex flex-col gap-y-2">
          <Heading level="h1">{t("heading")}</Heading>
          {result.status === "fulfilled" && (
            <Text className="text-ui-fg-subtle">
              {t.rich("forPlan", {
                plan: result.value.subscription.plan_title,
                name: (chunks) => <bdi dir="auto">{chunks}</bdi>,
              })}
            </Text>
          )}
        </div>
        {result.status === "fulfilled" ? (
          <section aria-labelledby="current-payment-method-heading" className="flex flex-col gap-y-3">
            <Heading level="h2" id="current-payment-method-heading">
              {t("current")}
            </Heading>
            <Text className="rounded-lg bg-ui-bg-base p-4 text-ui-fg-base shadow-elevation-card-rest">
              <PaymentMethodLabel method={result.value.subscription.payment_method} />
            </Text>
          </section>
        ) : (
          <Alert variant="error">
            <FailureMessage failure={toFailure(result.reason)} />
          </Alert>
        )}
        <div className="flex flex-col gap-y-2">
          <Text className="text-ui-fg-base">{t("comingSoon")}</Text>
          <Text className="text-ui-fg-subtle">
            {supportEmail
              ? t.rich("supportEmail", {
                  address: supportEmail,
                  email: (chunks) => (
                    // dir="ltr" isolates the address, so it keeps its order inside Arabic text.
                    <a
                      href={`mailto:${supportEmail}`}
                      dir="ltr"
                      className="rounded-sm text-ui-fg-base underline underline-offset-2 outline-none hover:text-ui-fg-interactive focus-visible:shadow-borders-focus"
                    >
                      {chunks}
                    </a>
                  ),
                })
              : t("supportGeneric")}
          </Text>
        </div>
      </div>
    </PortalShell>
  )
}

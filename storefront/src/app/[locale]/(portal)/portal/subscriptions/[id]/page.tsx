import { Alert } from "@medusajs/ui"
import { getFormatter, getTranslations } from "next-intl/server"
import { notFound } from "next/navigation"
import { FailureMessage } from "@/components/portal/failure-message"
import { BackLink } from "@/components/portal/invoice-detail"
import { PortalShell } from "@/components/portal/portal-shell"
import { SubscriptionActions } from "@/components/portal/subscription-actions"
import { SubscriptionDetail } from "@/components/portal/subscription-detail"
import { getSubscription, isFetchError, toFailure } from "@/lib/portal"
import { SUBSCRIPTION_ID } from "@/lib/portal/subscription-options"
import {
  cancelSubscriptionAction,
  signOutAction,
  undoCancelSubscriptionAction,
} from "../../actions"
import { loadWithSession, requireSession } from "../../billing/signed-in"

type Props = { params: Promise<{ locale: string; id: string }> }

export default async function SubscriptionPage({ params }: Props) {
  const { locale, id } = await params
  const session = await requireSession(locale)
  if (!SUBSCRIPTION_ID.test(id)) {
    notFound()
  }
  const [me, result] = await loadWithSession(session, () => getSubscription(session.token, id))

  if (result.status === "rejected" && isFetchError(result.reason) && result.reason.status === 404) {
    // Someone else's subscription and one that does not exist look the same: see not-found.tsx.
    notFound()
  }
  const t = await getTranslations("Subscription")
  const format = await getFormatter()

  return (
    <PortalShell
      business={session.business}
      testMode={me.status === "fulfilled" ? me.value.session.mode === "test" : undefined}
      signOutAction={signOutAction}
    >
      {result.status === "fulfilled" ? (
        <SubscriptionDetail
          locale={session.locale}
          subscription={result.value.subscription}
          invoices={result.value.invoices}
          actions={
            <SubscriptionActions
              subscriptionId={result.value.subscription.id}
              plan={result.value.subscription.plan_title}
              cancelOptions={result.value.subscription.actions.cancel}
              canUndo={result.value.subscription.actions.undo_cancel}
              periodEnd={format.dateTime(new Date(result.value.subscription.current_period_end), {
                dateStyle: "long",
              })}
              cancelAction={cancelSubscriptionAction}
              undoAction={undoCancelSubscriptionAction}
            />
          }
        />
      ) : (
        <div className="flex flex-col gap-y-6 text-start">
          <BackLink label={t("backToSubscriptions")} href="/portal/subscriptions" />
          <Alert variant="error" className="max-w-xl">
            <FailureMessage failure={toFailure(result.reason)} />
          </Alert>
        </div>
      )}
    </PortalShell>
  )
}

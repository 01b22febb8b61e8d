import { Alert, Heading, Text } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import { BillingPagination } from "@/components/portal/billing-pagination"
import { FailureMessage } from "@/components/portal/failure-message"
import { PortalShell } from "@/components/portal/portal-shell"
import { SubscriptionSummary } from "@/components/portal/subscription-summary"
import type { AppLocale } from "@/i18n/routing"
import { listSubscriptions, toFailure } from "@/lib/portal"
import type { PortalSubscriptionsResponse } from "@/lib/portal/types"
import { signOutAction } from "../actions"
import { isSessionEnded, loadWithSession, requireSession } from "../billing/signed-in"
import { redirectToPortal } from "@/lib/portal/redirect-to-portal"

/** Current subscriptions come in one page: the backend's largest. */
const CURRENT_LIMIT = 50
const PAST_PAGE_SIZE = 10
const PAST_SECTION_ID = "past-subscriptions"

type SearchParams = Record<string, string | string[] | undefined>
type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<SearchParams>
}

export default async function SubscriptionsPage({ params, searchParams }: Props) {
  const session = await requireSession((await params).locale)
  // `offset` pages through the past subscriptions only.
  const offset = parseOffset((await searchParams).offset)

  const [me, lists] = await loadWithSession(session, () =>
    Promise.allSettled([
      listSubscriptions(session.token, { state: "current", limit: CURRENT_LIMIT }),
      listSubscriptions(session.token, { state: "past", limit: PAST_PAGE_SIZE, offset }),
    ])
  )
  // allSettled never rejects: its own results are checked for an ended session here.
  const [current, past] = lists.status === "fulfilled" ? lists.value : [lists, lists]
  if (isSessionEnded(current) || isSessionEnded(past)) {
    redirectToPortal(session.locale, "/portal/session-expired")
  }
  const t = await getTranslations("Subscriptions")

  return (
    <PortalShell
      business={session.business}
      testMode={me.status === "fulfilled" ? me.value.session.mode === "test" : undefined}
      signOutAction={signOutAction}
    >
      <div className="flex flex-col gap-y-10 text-start">
        <div className="flex flex-col gap-y-2">
          <Heading level="h1">{t("heading")}</Heading>
          <Text className="text-ui-fg-subtle">{t("intro")}</Text>
        </div>

        <section aria-labelledby="current-subscriptions-heading" className="flex flex-col gap-y-4">
          <Heading level="h2" id="current-subscriptions-heading">
            {t("current")}
          </Heading>
          <SubscriptionsResult
            locale={session.locale}
            result={current}
            empty={t("emptyCurrent")}
          />
          {current.status === "fulfilled" &&
            current.value.count > current.value.subscriptions.length && (
              <Text size="small" className="text-ui-fg-subtle">
                {t("moreCurrent", {
                  shown: current.value.subscriptions.length,
                  count: current.value.count,
                })}
              </Text>
            )}
        </section>

        <section id={PAST_SECTION_ID} aria-labelledby="past-subscriptions-heading" className="flex scroll-mt-4 flex-col gap-y-4">
          <Heading level="h2" id="past-subscriptions-heading">
            {t("past")}
          </Heading>
          <SubscriptionsResult locale={session.locale} result={past} empty={t("emptyPast")} />
          {past.status === "fulfilled" && (
            <BillingPagination
              filters={{}}
              pathname="/portal/subscriptions"
              hash={PAST_SECTION_ID}
              label={t("pastPages")}
              count={past.value.count}
              limit={past.value.limit || PAST_PAGE_SIZE}
              offset={past.value.offset}
            />
          )}
        </section>
      </div>
    </PortalShell>
  )
}

type ResultProps = {
  locale: AppLocale
  result: PromiseSettledResult<PortalSubscriptionsResponse>
  empty: string
}

async function SubscriptionsResult({ locale, result, empty }: ResultProps) {
  if (result.status === "rejected") {
    return (
      <Alert variant="error" className="max-w-xl">
        <FailureMessage failure={toFailure(result.reason)} />
      </Alert>
    )
  }
  if (result.value.subscriptions.length === 0) {
    return <Text className="text-ui-fg-subtle">{empty}</Text>
  }
  return (
    <ul className="flex flex-col gap-y-3">
      {result.value.subscriptions.map((subscription) => (
        <li key={subscription.id}>
          <SubscriptionSummary locale={locale} subscription={subscription} />
        </li>
      ))}
    </ul>
  )
}

/** A whole number of subscriptions to skip; anything else starts at the first page. */
function parseOffset(value: string | string[] | undefined): number {
  const single = Array.isArray(value) ? value[0] : value
  const offset = single && /^\d{1,6}$/.test(single) ? Number(single) : 0
  return offset - (offset % PAST_PAGE_SIZE)
}

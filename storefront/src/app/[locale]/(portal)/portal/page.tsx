import { Alert } from "@medusajs/ui"
import { hasLocale } from "next-intl"
import { notFound } from "next/navigation"
import { AccountOverview } from "@/components/portal/account-overview"
import { FailureMessage } from "@/components/portal/failure-message"
import { PortalShell } from "@/components/portal/portal-shell"
import type { LicenseKeysResult } from "@/components/portal/license-keys-overview"
import type { RecentPurchasesResult } from "@/components/portal/recent-purchases"
import { SignedOutEntry } from "@/components/portal/signed-out-entry"
import type { SubscriptionsResult } from "@/components/portal/subscriptions-overview"
import { routing } from "@/i18n/routing"
import {
  getBusiness,
  getMe,
  getPortalConfig,
  getSessionToken,
  isFetchError,
  listLicenseKeys,
  listOrders,
  listSubscriptions,
  signInPath,
  toFailure,
} from "@/lib/portal"
import { signOutAction } from "./actions"
import { redirectToPortal } from "@/lib/portal/redirect-to-portal"

const RECENT_PURCHASES = 5
/** The backend's largest page: the overview lists every current subscription. */
const CURRENT_SUBSCRIPTIONS = 50
/** The newest few keys; the license keys page has them all. */
const RECENT_LICENSE_KEYS = 3

type Props = { params: Promise<{ locale: string }> }

export default async function PortalPage({ params }: Props) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) {
    notFound()
  }
  const { businessId } = await getPortalConfig()
  const [business, token] = await Promise.all([
    businessId ? getBusiness(businessId) : null,
    getSessionToken(),
  ])

  if (!token) {
    return (
      <PortalShell business={business}>
        <SignedOutEntry
          business={business}
          signInHref={businessId ? signInPath(businessId) : null}
        />
      </PortalShell>
    )
  }

  const [me, orders, subscriptions, keys] = await Promise.allSettled([
    getMe(token),
    listOrders(token, { limit: RECENT_PURCHASES }),
    listSubscriptions(token, { state: "current", limit: CURRENT_SUBSCRIPTIONS }),
    listLicenseKeys(token, { limit: RECENT_LICENSE_KEYS }),
  ])
  if (isSessionEnded(me) || isSessionEnded(orders) || isSessionEnded(subscriptions) || isSessionEnded(keys)) {
    // A page cannot change cookies: this route handler clears the stale one, then sends the customer on.
    redirectToPortal(locale, "/portal/session-expired")
  }

  if (me.status === "rejected") {
    return (
      <PortalShell business={business} signOutAction={signOutAction}>
        <Alert variant="error" className="max-w-xl">
          <FailureMessage failure={toFailure(me.reason)} />
        </Alert>
      </PortalShell>
    )
  }

  const purchases: RecentPurchasesResult =
    orders.status === "fulfilled"
      ? { status: "ok", orders: orders.value.orders }
      : { status: "failed", failure: toFailure(orders.reason) }

  const current: SubscriptionsResult =
    subscriptions.status === "fulfilled"
      ? { status: "ok", subscriptions: subscriptions.value.subscriptions }
      : { status: "failed", failure: toFailure(subscriptions.reason) }

  const licenseKeys: LicenseKeysResult =
    keys.status === "fulfilled"
      ? { status: "ok", licenseKeys: keys.value.license_keys }
      : { status: "failed", failure: toFailure(keys.reason) }

  return (
    <PortalShell
      business={business}
      testMode={me.value.session.mode === "test"}
      signOutAction={signOutAction}
    >
      <AccountOverview
        locale={locale}
        customer={me.value.customer}
        subscriptions={current}
        licenseKeys={licenseKeys}
        purchases={purchases}
      />
    </PortalShell>
  )
}

function isSessionEnded(result: PromiseSettledResult<unknown>): boolean {
  return result.status === "rejected" && isFetchError(result.reason) && result.reason.status === 401
}

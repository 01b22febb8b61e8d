import { Alert, Heading, Text } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import { BillingPagination } from "@/components/portal/billing-pagination"
import { FailureMessage } from "@/components/portal/failure-message"
import { LicenseKeySummary } from "@/components/portal/license-key-summary"
import { PortalShell } from "@/components/portal/portal-shell"
import { listLicenseKeys, toFailure } from "@/lib/portal"
import { LICENSE_KEYS_PAGE_SIZE } from "@/lib/portal/license-key-options"
import { revealLicenseKeyAction, signOutAction } from "../actions"
import { loadWithSession, requireSession } from "../billing/signed-in"

type SearchParams = Record<string, string | string[] | undefined>
type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<SearchParams>
}

/** The customer's license keys, masked, newest first; pages go through `offset`. */
export default async function LicenseKeysPage({ params, searchParams }: Props) {
  const session = await requireSession((await params).locale)
  const offset = parseOffset((await searchParams).offset)

  const [me, result] = await loadWithSession(session, () =>
    listLicenseKeys(session.token, { limit: LICENSE_KEYS_PAGE_SIZE, offset })
  )
  const t = await getTranslations("LicenseKeys")

  return (
    <PortalShell
      business={session.business}
      testMode={me.status === "fulfilled" ? me.value.session.mode === "test" : undefined}
      signOutAction={signOutAction}
    >
      <div className="flex flex-col gap-y-6 text-start">
        <div className="flex flex-col gap-y-2">
          <Heading level="h1">{t("heading")}</Heading>
          <Text className="text-ui-fg-subtle">{t("intro")}</Text>
        </div>

        {result.status === "rejected" ? (
          <Alert variant="error" className="max-w-xl">
            <FailureMessage failure={toFailure(result.reason)} />
          </Alert>
        ) : result.value.license_keys.length === 0 ? (
          <Text className="text-ui-fg-subtle">{t("empty")}</Text>
        ) : (
          <>
            <ul aria-label={t("heading")} className="flex flex-col gap-y-3">
              {result.value.license_keys.map((licenseKey) => (
                <li key={licenseKey.id}>
                  <LicenseKeySummary licenseKey={licenseKey} revealAction={revealLicenseKeyAction} />
                </li>
              ))}
            </ul>
            <BillingPagination
              filters={{}}
              pathname="/portal/license-keys"
              label={t("pages")}
              count={result.value.count}
              limit={result.value.limit || LICENSE_KEYS_PAGE_SIZE}
              offset={result.value.offset}
            />
          </>
        )}
      </div>
    </PortalShell>
  )
}

/** A whole number of keys to skip; anything else starts at the first page. */
function parseOffset(value: string | string[] | undefined): number {
  const single = Array.isArray(value) ? value[0] : value
  const offset = single && /^\d{1,6}$/.test(single) ? Number(single) : 0
  return offset - (offset % LICENSE_KEYS_PAGE_SIZE)
}

import { Alert } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import { notFound } from "next/navigation"
import { FailureMessage } from "@/components/portal/failure-message"
import { BackLink } from "@/components/portal/invoice-detail"
import { LicenseKeyDetail } from "@/components/portal/license-key-detail"
import { PortalShell } from "@/components/portal/portal-shell"
import { getLicenseKey, isFetchError, toFailure } from "@/lib/portal"
import { LICENSE_KEY_ID } from "@/lib/portal/license-key-options"
import {
  deactivateLicenseActivationAction,
  revealLicenseKeyAction,
  signOutAction,
} from "../../actions"
import { loadWithSession, requireSession } from "../../billing/signed-in"

type Props = { params: Promise<{ locale: string; id: string }> }

export default async function LicenseKeyPage({ params }: Props) {
  const { locale, id } = await params
  const session = await requireSession(locale)
  if (!LICENSE_KEY_ID.test(id)) {
    notFound()
  }
  const [me, result] = await loadWithSession(session, () => getLicenseKey(session.token, id))

  if (result.status === "rejected" && isFetchError(result.reason) && result.reason.status === 404) {
    // Someone else's key and one that does not exist look the same: see not-found.tsx.
    notFound()
  }
  const t = await getTranslations("LicenseKey")

  return (
    <PortalShell
      business={session.business}
      testMode={me.status === "fulfilled" ? me.value.session.mode === "test" : undefined}
      signOutAction={signOutAction}
    >
      {result.status === "fulfilled" ? (
        <LicenseKeyDetail
          licenseKey={result.value.license_key}
          supportEmail={session.business?.support_email ?? null}
          revealAction={revealLicenseKeyAction}
          deactivateAction={deactivateLicenseActivationAction}
        />
      ) : (
        <div className="flex flex-col gap-y-6 text-start">
          <BackLink label={t("backToLicenseKeys")} href="/portal/license-keys" />
          <Alert variant="error" className="max-w-xl">
            <FailureMessage failure={toFailure(result.reason)} />
          </Alert>
        </div>
      )}
    </PortalShell>
  )
}

import { Heading } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import { Link } from "@/i18n/navigation"
import type { PortalFailure, PortalLicenseKey } from "@/lib/portal/types"
import { LicenseKeyStatusBadge } from "./license-key-status-badge"
import { LicenseKeyTerms } from "./license-key-summary"
import { OVERVIEW_ROW, OverviewSection } from "./overview-section"
import { hidden, planName, SUBSCRIPTION_LINK } from "./subscription-summary"

/** The customer's newest license keys, as the overview loaded them. */
export type LicenseKeysResult =
  | { status: "ok"; licenseKeys: PortalLicenseKey[] }
  | { status: "failed"; failure: PortalFailure }

/** The overview's short list of license keys (masked), with the way to all of them. */
export async function LicenseKeysOverview({ result }: { result: LicenseKeysResult }) {
  const t = await getTranslations("OverviewLicenseKeys")
  const tList = await getTranslations("LicenseKeys")

  return (
    <OverviewSection
      id="overview-license-keys"
      heading={t("heading")}
      viewAll={{ href: "/portal/license-keys", label: t("viewAll") }}
      failure={result.status === "failed" ? result.failure : undefined}
      empty={result.status === "ok" && result.licenseKeys.length === 0 ? t("empty") : null}
    >
      {result.status === "ok" &&
        result.licenseKeys.map((licenseKey) => (
          <li key={licenseKey.id} className={OVERVIEW_ROW}>
            <Heading level="h3" className="txt-compact-medium-plus min-w-0 break-words">
              <bdi dir="auto">{licenseKey.product_title}</bdi>
            </Heading>
            <p className="flex items-center justify-self-end">
              <span className="sr-only">{tList("statusLabel")}: </span>
              <LicenseKeyStatusBadge status={licenseKey.status} />
            </p>
            <p className="txt-compact-small col-span-2 min-w-0 text-ui-fg-base">
              {/* Masked: the whole key is only shown on the license keys pages, on request. */}
              <bdi dir="ltr" className="break-all font-mono">
                {licenseKey.masked_key}
              </bdi>
            </p>
            <LicenseKeyTerms licenseKey={licenseKey} />
            <Link
              href={`/portal/license-keys/${encodeURIComponent(licenseKey.id)}`}
              className={`${SUBSCRIPTION_LINK} justify-self-end`}
            >
              {tList.rich("manage", { product: licenseKey.product_title, hidden, name: planName })}
            </Link>
          </li>
        ))}
    </OverviewSection>
  )
}

import { Heading } from "@medusajs/ui"
import { getFormatter, getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import type { PortalLicenseKeyDetail } from "@/lib/portal/types"
import { BackLink } from "./invoice-detail"
import { LicenseActivations, type DeactivateResult, type FormattedDate } from "./license-activations"
import { LicenseKeyStatusBadge } from "./license-key-status-badge"
import { LicenseKeyStatusNote, LicenseKeyTerms } from "./license-key-summary"
import { LicenseKeyValue, type RevealResult } from "./license-key-value"

type Props = {
  licenseKey: PortalLicenseKeyDetail
  /** The store's support address, for "contact the store"; null when it has none. */
  supportEmail: string | null
  revealAction: (licenseKeyId: string) => Promise<RevealResult>
  deactivateAction: (licenseKeyId: string, activationId: string) => Promise<DeactivateResult>
}

/** One license key: the key with "Reveal" and "Copy", its terms and the devices it is active on. */
export async function LicenseKeyDetail({ licenseKey, supportEmail, revealAction, deactivateAction }: Props) {
  const t = await getTranslations("LicenseKey")
  const tList = await getTranslations("LicenseKeys")
  const format = await getFormatter()
  // Formatted here, so the client list shows the same dates as the server rendered.
  const formatted = (iso: string): FormattedDate => ({
    iso,
    text: format.dateTime(new Date(iso), { dateStyle: "medium" }),
  })

  return (
    <div className="flex flex-col gap-y-8 text-start">
      <BackLink label={t("backToLicenseKeys")} href="/portal/license-keys" />

      <div className="flex flex-col gap-y-4">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <Heading level="h1" className="min-w-0 break-words">
            <bdi dir="auto">{licenseKey.product_title}</bdi>
          </Heading>
          <p className="flex items-center">
            <span className="sr-only">{tList("statusLabel")}: </span>
            <LicenseKeyStatusBadge status={licenseKey.status} />
          </p>
        </div>
        <LicenseKeyStatusNote licenseKey={licenseKey} />
        <LicenseKeyValue
          licenseKeyId={licenseKey.id}
          product={licenseKey.product_title}
          maskedKey={licenseKey.masked_key}
          revealAction={revealAction}
        />
        <LicenseKeyTerms licenseKey={licenseKey} dateStyle="long">
          <p>
            {tList.rich("issuedOn", {
              date: format.dateTime(new Date(licenseKey.issued_at), { dateStyle: "long" }),
              time: (chunks: ReactNode) => (
                <bdi>
                  <time dateTime={licenseKey.issued_at}>{chunks}</time>
                </bdi>
              ),
            })}
          </p>
        </LicenseKeyTerms>
      </div>

      <section aria-labelledby="license-activations-heading" className="flex flex-col gap-y-3">
        <Heading level="h2" id="license-activations-heading">
          {t("activations")}
        </Heading>
        <LicenseActivations
          licenseKeyId={licenseKey.id}
          activations={licenseKey.activations.map((activation) => ({
            id: activation.id,
            name: typeof activation.name === "string" ? activation.name : "",
            activatedAt: formatted(activation.activated_at),
            lastCheckedAt: activation.last_validated_at ? formatted(activation.last_validated_at) : null,
          }))}
          canDeactivate={licenseKey.can_deactivate}
          supportEmail={supportEmail}
          labelledBy="license-activations-heading"
          deactivateAction={deactivateAction}
        />
      </section>
    </div>
  )
}

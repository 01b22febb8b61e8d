import { clx, Heading, Text } from "@medusajs/ui"
import { getFormatter, getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import { Link } from "@/i18n/navigation"
import type { PortalLicenseKey } from "@/lib/portal/types"
import { LicenseKeyStatusBadge } from "./license-key-status-badge"
import { LicenseKeyValue, type RevealResult } from "./license-key-value"
import { hidden, planName, SUBSCRIPTION_LINK } from "./subscription-summary"

type Props = {
  licenseKey: PortalLicenseKey
  revealAction: (licenseKeyId: string) => Promise<RevealResult>
}

/** A number inside a sentence: isolated, so it keeps its place in either direction. */
const number = (chunks: ReactNode) => <bdi>{chunks}</bdi>

/**
 * One license key in the list: product, status, the masked key with "Reveal" and "Copy", how
 * many activations it uses, when it expires and "Manage activations".
 */
export async function LicenseKeySummary({ licenseKey, revealAction }: Props) {
  const t = await getTranslations("LicenseKeys")
  const headingId = `license-key-${licenseKey.id}-heading`

  return (
    <article
      aria-labelledby={headingId}
      className="flex flex-col gap-y-3 rounded-lg bg-ui-bg-base p-4 shadow-elevation-card-rest"
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <Heading level="h3" id={headingId} className="txt-compact-medium-plus min-w-0 break-words">
          <bdi dir="auto">{licenseKey.product_title}</bdi>
        </Heading>
        <p className="flex items-center">
          <span className="sr-only">{t("statusLabel")}: </span>
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
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <LicenseKeyTerms licenseKey={licenseKey} />
        <Link href={`/portal/license-keys/${encodeURIComponent(licenseKey.id)}`} className={SUBSCRIPTION_LINK}>
          {t.rich("manage", { product: licenseKey.product_title, hidden, name: planName })}
        </Link>
      </div>
    </article>
  )
}

type TermsProps = {
  licenseKey: PortalLicenseKey
  /** The detail page spells dates out; lists keep them short. */
  dateStyle?: "medium" | "long"
  /** Lines after the expiry, such as the date the key was issued. */
  children?: ReactNode
  className?: string
}

/** "Activations: 2 of 3" and "Expires on …", "Never expires" or "Renews with your subscription". */
export async function LicenseKeyTerms({ licenseKey, dateStyle = "medium", children, className }: TermsProps) {
  const t = await getTranslations("LicenseKeys")
  const format = await getFormatter()
  const date = (iso: string) => ({
    date: format.dateTime(new Date(iso), { dateStyle }),
    time: (chunks: ReactNode) => (
      <bdi>
        <time dateTime={iso}>{chunks}</time>
      </bdi>
    ),
  })

  let expiry: ReactNode = null
  if (licenseKey.expires_at) {
    // The backend reports a key whose date has passed as expired.
    expiry = t.rich(licenseKey.status === "expired" ? "expiredOn" : "expiresOn", date(licenseKey.expires_at))
  } else if (licenseKey.tied_to_subscription) {
    expiry = t("renewsWithSubscription")
  } else if (licenseKey.status !== "expired") {
    expiry = t("neverExpires")
  }

  return (
    <div className={clx("txt-compact-small flex flex-wrap gap-x-4 gap-y-1 text-ui-fg-subtle", className)}>
      <p>
        {licenseKey.activation_limit === null
          ? t.rich("activationsUnlimited", { used: licenseKey.activations_used, n: number })
          : t.rich("activations", {
              used: licenseKey.activations_used,
              limit: licenseKey.activation_limit,
              n: number,
            })}
      </p>
      {expiry && <p>{expiry}</p>}
      {children}
    </div>
  )
}

/**
 * Why a disabled key does not work and what to do: pay the subscription it belongs to, or ask
 * the store. Nothing for any other status: the badge says it.
 */
export async function LicenseKeyStatusNote({ licenseKey }: { licenseKey: PortalLicenseKey }) {
  if (licenseKey.status !== "disabled") {
    return null
  }
  const t = await getTranslations("LicenseKeys")

  if (!licenseKey.tied_to_subscription) {
    return <Text size="small" className="text-ui-fg-base">{t("disabledContact")}</Text>
  }
  return (
    <p className="txt-compact-small flex flex-wrap items-baseline gap-x-3 gap-y-1 text-ui-fg-base">
      <span>{t("disabledHint")}</span>
      <Link href="/portal/subscriptions" className={SUBSCRIPTION_LINK}>
        {t("viewSubscriptions")}
      </Link>
    </p>
  )
}

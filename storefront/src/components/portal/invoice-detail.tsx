import { Heading, Text } from "@medusajs/ui"
import { getFormatter, getTranslations } from "next-intl/server"
import { Link } from "@/i18n/navigation"
import type { AppLocale } from "@/i18n/routing"
import type { PortalAddress, PortalInvoiceDetail } from "@/lib/portal/types"
import { DOWNLOAD_CONTROL } from "./download-styles"
import { InvoiceLines } from "./invoice-lines"
import { InvoicePurpose } from "./invoice-list"
import { InvoiceStatusBadge } from "./invoice-status-badge"
import { InvoiceTotals } from "./invoice-totals"

type Props = { locale: AppLocale; invoice: PortalInvoiceDetail }

export async function InvoiceDetail({ locale, invoice }: Props) {
  const t = await getTranslations("Invoice")
  const format = await getFormatter()
  const date = (iso: string) => (
    <time dateTime={iso}>{format.dateTime(new Date(iso), { dateStyle: "long" })}</time>
  )
  const dates = [
    { key: "issuedOn", value: invoice.issued_at },
    { key: "paidOn", value: invoice.paid_at },
    { key: "voidedOn", value: invoice.voided_at },
  ] as const
  const addressLines = formatAddress(invoice.billing_address, locale)
  const billTo = [invoice.customer_name, invoice.customer_email, ...addressLines].some(Boolean)

  return (
    <div className="flex flex-col gap-y-8 text-start">
      <BackLink label={t("backToBilling")} />
      <div className="flex flex-col gap-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <Heading level="h1">
              {t.rich("title", {
                number: invoice.number,
                // The number stays left to right in the Arabic heading.
                ltr: (chunks) => <bdi dir="ltr">{chunks}</bdi>,
              })}
            </Heading>
            <InvoiceStatusBadge status={invoice.status} />
          </div>
          {/* No `download` attribute: the handler sends the PDF as an attachment, and when it cannot,
              its redirect opens the page that explains why instead of being saved as a file. */}
          <a href={`/${locale}/portal/billing/${encodeURIComponent(invoice.id)}/pdf`} className={DOWNLOAD_CONTROL}>
            {t("downloadPdf")}
          </a>
        </div>
        <Text className="text-ui-fg-subtle">
          <InvoicePurpose invoice={invoice} />
        </Text>
        <dl className="txt-compact-small flex flex-wrap gap-x-8 gap-y-2">
          {dates.map(({ key, value }) =>
            value ? (
              <div key={key} className="flex flex-col gap-y-0.5">
                <dt className="text-ui-fg-subtle">{t(key)}</dt>
                <dd className="text-ui-fg-base">{date(value)}</dd>
              </div>
            ) : null
          )}
        </dl>
      </div>

      {billTo && (
        <section aria-labelledby="invoice-bill-to-heading" className="flex flex-col gap-y-2">
          <Heading level="h2" id="invoice-bill-to-heading">
            {t("billTo")}
          </Heading>
          {/* Block lines in the page's direction, each value isolated inline: a Latin line keeps
              its order and still sits on the page's side. */}
          <address className="txt-compact-small flex flex-col gap-y-0.5 not-italic text-ui-fg-base">
            {invoice.customer_name && <AddressLine dir="auto">{invoice.customer_name}</AddressLine>}
            {invoice.customer_email && <AddressLine dir="ltr">{invoice.customer_email}</AddressLine>}
            {addressLines.map((line, index) => (
              <AddressLine key={index} dir="auto">
                {line}
              </AddressLine>
            ))}
          </address>
        </section>
      )}

      <InvoiceLines locale={locale} currencyCode={invoice.currency_code} lines={invoice.lines} />
      <InvoiceTotals locale={locale} invoice={invoice} />

      {invoice.payment_method_label && (
        <section aria-labelledby="invoice-payment-heading" className="flex flex-col gap-y-2">
          <Heading level="h2" id="invoice-payment-heading">
            {t("paymentMethod")}
          </Heading>
          <Text className="text-ui-fg-base">
            <bdi dir="auto">{invoice.payment_method_label}</bdi>
          </Text>
        </section>
      )}
    </div>
  )
}

function AddressLine({ dir, children }: { dir: "auto" | "ltr"; children: string }) {
  return (
    <span>
      <bdi dir={dir}>{children}</bdi>
    </span>
  )
}

/** "← label", back to billing history unless another page is given. */
export function BackLink({ label, href = "/portal/billing" }: { label: string; href?: string }) {
  return (
    <Link
      href={href}
      className="txt-compact-small-plus w-fit rounded-md text-ui-fg-interactive underline-offset-2 outline-none hover:underline focus-visible:shadow-borders-focus"
    >
      {/* The arrow points back in either direction of reading. */}
      <span aria-hidden="true" className="inline-block rtl:-scale-x-100">←</span> {label}
    </Link>
  )
}

/** The address's lines, skipping empty ones; the country by its name in the page's language. */
function formatAddress(address: PortalAddress | null, locale: string): string[] {
  if (!address) {
    return []
  }
  const cityLine = [address.postal_code, address.city].filter(Boolean).join(" ")
  let country = address.country_code?.toUpperCase() ?? null
  try {
    country = country ? new Intl.DisplayNames([locale], { type: "region" }).of(country) ?? country : null
  } catch {
    // Not a region code: shown as sent.
  }
  return [address.company, address.address_1, address.address_2, cityLine, address.province, country]
    .map((line) => line?.trim())
    .filter((line): line is string => Boolean(line))
}

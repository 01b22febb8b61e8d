import { Text } from "@medusajs/ui"
import { getFormatter, getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import { Link } from "@/i18n/navigation"
import type { AppLocale } from "@/i18n/routing"
import type { PortalInvoice } from "@/lib/portal/types"
import { InvoiceStatusBadge } from "./invoice-status-badge"
import { Money } from "./money"

type Props = {
  locale: AppLocale
  invoices: PortalInvoice[]
  /** Whether the list is narrowed by filters: the empty state then says so. */
  filtered: boolean
}

export async function InvoiceList({ locale, invoices, filtered }: Props) {
  const t = await getTranslations("Billing")

  if (invoices.length === 0) {
    return (
      <Text className="text-ui-fg-subtle" role="status">
        {filtered ? t("emptyFiltered") : t("empty")}
      </Text>
    )
  }

  return (
    <ul
      aria-label={t("listLabel")}
      className="divide-y divide-ui-border-base overflow-hidden rounded-lg bg-ui-bg-base shadow-elevation-card-rest"
    >
      {invoices.map((invoice) => (
        <li key={invoice.id}>
          <InvoiceRow locale={locale} invoice={invoice} />
        </li>
      ))}
    </ul>
  )
}

const ROW_LINK =
  "txt-compact-small-plus rounded-md py-1 text-ui-fg-interactive underline-offset-2 outline-none hover:underline focus-visible:shadow-borders-focus"

/** Words only a screen reader reads, such as the invoice a row's link is for. */
const hidden = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>

/** Stacked on a phone; one line from `sm` up. Hidden labels tell a screen reader what each value is. */
async function InvoiceRow({ locale, invoice }: { locale: AppLocale; invoice: PortalInvoice }) {
  const t = await getTranslations("Billing")
  const format = await getFormatter()
  const label = (key: "issuedOn" | "number" | "for" | "amount" | "status") => (
    <span className="sr-only">{t(key)}: </span>
  )

  return (
    <div className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-1 p-4 sm:grid-cols-[7.5rem_9rem_minmax(0,1fr)_auto_6.5rem_auto]">
      <p className="txt-compact-small col-span-2 text-ui-fg-subtle sm:col-span-1">
        {label("issuedOn")}
        <time dateTime={invoice.issued_at}>
          {format.dateTime(new Date(invoice.issued_at), { dateStyle: "medium" })}
        </time>
      </p>
      <p className="txt-compact-small-plus text-ui-fg-base sm:order-none">
        {label("number")}
        {/* Latin and left to right in both languages: it is what the customer quotes to support. */}
        <bdi dir="ltr">{invoice.number}</bdi>
      </p>
      <p className="txt-compact-small-plus text-end text-ui-fg-base sm:order-1">
        {label("amount")}
        <Money amount={invoice.total} currencyCode={invoice.currency_code} locale={locale} />
      </p>
      <p className="txt-compact-small col-span-2 min-w-0 text-ui-fg-base sm:col-span-1">
        {label("for")}
        <InvoicePurpose invoice={invoice} />
      </p>
      <div className="flex items-center sm:order-2">
        <span className="sr-only">{t("status")}: </span>
        <InvoiceStatusBadge status={invoice.status} />
      </div>
      <div className="flex items-center gap-x-4 justify-self-end sm:order-3 sm:gap-x-3">
        <Link href={`/portal/billing/${encodeURIComponent(invoice.id)}`} className={ROW_LINK}>
          {t.rich("view", { number: invoice.number, hidden })}
        </Link>
        {/* A route handler, so a plain link: Link would prefetch it. No `download` attribute, so a
            failure's redirect opens the page that explains it instead of saving that page as a file. */}
        <a href={`/${locale}/portal/billing/${encodeURIComponent(invoice.id)}/pdf`} className={ROW_LINK}>
          {t.rich("pdf", { number: invoice.number, hidden })}
        </a>
      </div>
    </div>
  )
}

/** What the invoice was for: the backend's summary for an order, our own words otherwise. */
export async function InvoicePurpose({ invoice }: { invoice: PortalInvoice }) {
  const t = await getTranslations("InvoiceSource")
  if (invoice.source_type === "renewal" || invoice.source_type === "dues") {
    return t(invoice.source_type)
  }
  // Inline and isolated: a summary in another script keeps its order, on the page's side.
  // (Not truncated: an English summary cut in the Arabic page would lose its start.)
  return <bdi dir="auto">{invoice.summary}</bdi>
}

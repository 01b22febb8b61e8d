import { Alert, Heading, Text } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import { BillingFilters } from "@/components/portal/billing-filters"
import { BillingPagination } from "@/components/portal/billing-pagination"
import { DOWNLOAD_CONTROL } from "@/components/portal/download-styles"
import { FailureMessage } from "@/components/portal/failure-message"
import { InvoiceList } from "@/components/portal/invoice-list"
import { InvoicePdfsDownload } from "@/components/portal/invoice-pdfs-download"
import { PortalShell } from "@/components/portal/portal-shell"
import { isFetchError, listInvoices, toFailure } from "@/lib/portal"
import type { PortalInvoiceFilters } from "@/lib/portal/types"
import { signOutAction } from "../actions"
import { loadWithSession, requireSession } from "./signed-in"

const PAGE_SIZE = 10

type SearchParams = Record<string, string | string[] | undefined>
type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<SearchParams>
}

export default async function BillingPage({ params, searchParams }: Props) {
  const session = await requireSession((await params).locale)
  const query = await searchParams
  // Passed on as given: the backend judges the values, and a 400 gets its own sentence below.
  const filters: PortalInvoiceFilters = {
    status: first(query.status),
    from: first(query.from),
    to: first(query.to),
  }
  const offset = parseOffset(first(query.offset))
  const filtered = Boolean(filters.status || filters.from || filters.to)

  const [me, invoices] = await loadWithSession(session, () =>
    listInvoices(session.token, { ...filters, limit: PAGE_SIZE, offset })
  )
  const t = await getTranslations("Billing")
  const pdfsHref = exportHref(session.locale, filters, "export/pdfs")
  const csvLink = (
    <a href={exportHref(session.locale, filters, "export")} download className={DOWNLOAD_CONTROL}>
      {t("exportCsv")}
    </a>
  )

  return (
    <PortalShell
      business={session.business}
      testMode={me.status === "fulfilled" ? me.value.session.mode === "test" : undefined}
      signOutAction={signOutAction}
    >
      <div className="flex flex-col gap-y-6 text-start">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="flex flex-col gap-y-2">
            <Heading level="h1">{t("heading")}</Heading>
            <Text className="text-ui-fg-subtle">{t("intro")}</Text>
          </div>
          {invoices.status === "fulfilled" ? (
            // Keyed by its address: other filters start a fresh button (and stop a running download).
            <InvoicePdfsDownload
              key={pdfsHref}
              href={pdfsHref}
              count={invoices.value.count}
            >
              {csvLink}
            </InvoicePdfsDownload>
          ) : (
            csvLink
          )}
        </div>
        <BillingFilters locale={session.locale} filters={filters} />
        {invoices.status === "fulfilled" ? (
          <>
            <InvoiceList
              locale={session.locale}
              invoices={invoices.value.invoices}
              filtered={filtered}
            />
            <BillingPagination
              filters={filters}
              count={invoices.value.count}
              limit={invoices.value.limit || PAGE_SIZE}
              offset={invoices.value.offset}
            />
          </>
        ) : (
          <Alert variant="error" className="max-w-xl">
            {isFetchError(invoices.reason) && invoices.reason.status === 400 ? (
              t("badFilter")
            ) : (
              <FailureMessage failure={toFailure(invoices.reason)} />
            )}
          </Alert>
        )}
      </div>
    </PortalShell>
  )
}

/** A download of what the filters show (all pages): the CSV at `export`, the PDFs at `export/pdfs`. */
function exportHref(locale: string, filters: PortalInvoiceFilters, route: "export" | "export/pdfs"): string {
  const query = new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1]))
  ).toString()
  return `/${locale}/portal/billing/${route}${query ? `?${query}` : ""}`
}

function first(value: string | string[] | undefined): string | undefined {
  const single = Array.isArray(value) ? value[0] : value
  return single?.trim() ? single.trim() : undefined
}

/** A whole number of invoices to skip; anything else starts at the first page. */
function parseOffset(value: string | undefined): number {
  const offset = value && /^\d{1,6}$/.test(value) ? Number(value) : 0
  return offset - (offset % PAGE_SIZE)
}

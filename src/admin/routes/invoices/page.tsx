import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useState, type FormEvent } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { invoicePdfUrl, portalClient } from "../../lib/client"
import { formatDay, formatMinor, INVOICE_STATUSES, InvoiceStatusBadge, PdfLink } from "../../lib/invoices"
import { FilterSelect, ListPagination, PAGE_SIZE } from "../../lib/list-page"
import type { AdminInvoiceQuery, InvoiceStatus } from "../../lib/types"

const FILTER_KEYS = ["status", "q", "from", "to", "customer_id", "order_id"] as const

/** Every invoice of the store: filters in the address bar, so a filtered list can be shared and reloaded. */
const InvoicesPage = () => {
  const [params, setParams] = useSearchParams()
  const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ""])) as Record<(typeof FILTER_KEYS)[number], string>
  const page = Math.max(0, Number(params.get("page") ?? 0) || 0)
  const [draft, setDraft] = useState(filters)

  const query: AdminInvoiceQuery = {
    ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
    status: (filters.status || undefined) as InvoiceStatus | undefined,
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  }
  const { data, isLoading, isError, error } = useQuery({
    queryKey: ["customer-portal", "invoices", query],
    queryFn: () => portalClient.invoices.list(query),
    placeholderData: keepPreviousData,
  })

  const apply = (next: Record<string, string>, nextPage = 0) => {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(next)) if (value.trim()) search.set(key, value.trim())
    if (nextPage) search.set("page", String(nextPage))
    setParams(search)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    apply(draft)
  }
  const clear = () => {
    const empty = Object.fromEntries(FILTER_KEYS.map((key) => [key, ""])) as typeof filters
    setDraft(empty)
    apply(empty)
  }

  const count = data?.count ?? 0

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Invoices</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Every invoice issued for orders and subscription charges, newest first, as customers see them in their portal.
        </Text>
      </div>
      <form onSubmit={submit} className="grid grid-cols-1 items-end gap-3 px-6 py-4 md:grid-cols-5" aria-label="Filter invoices">
        <div className="flex flex-col gap-y-1 md:col-span-2">
          <Label htmlFor="invoice-q" size="small" weight="plus">
            Invoice number or customer email
          </Label>
          <Input id="invoice-q" type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} placeholder="INV-000123 or name@example.com" />
        </div>
        <FilterSelect
          id="invoice-status"
          label="Status"
          allLabel="All statuses"
          value={draft.status}
          options={INVOICE_STATUSES}
          onChange={(v) => setDraft({ ...draft, status: v })}
          className=""
        />
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="invoice-from" size="small" weight="plus">
            Issued from
          </Label>
          <Input id="invoice-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="invoice-to" size="small" weight="plus">
            Issued to
          </Label>
          <Input id="invoice-to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <div className="flex flex-wrap items-center gap-2 md:col-span-5">
          <Button type="submit" size="small">
            Apply filters
          </Button>
          <Button type="button" size="small" variant="secondary" onClick={clear}>
            Clear
          </Button>
          {(filters.customer_id || filters.order_id) && (
            <Text size="small" className="text-ui-fg-subtle">
              Showing the invoices of {filters.customer_id ? "one customer" : "one order"}.
            </Text>
          )}
        </div>
      </form>
      {isError && (
        <Text className="px-6 py-4 text-ui-fg-error" role="alert">
          {(error as Error)?.message || "The invoices could not be loaded."} Check the filters and try again.
        </Text>
      )}
      {isLoading && (
        <Text className="px-6 py-4" aria-live="polite">
          Loading invoices…
        </Text>
      )}
      {data && data.invoices.length === 0 && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {Object.values(filters).some(Boolean) ? "No invoices match these filters." : "No invoices yet. Each order placed in the store gets one."}
        </Text>
      )}
      {data && data.invoices.length > 0 && (
        <>
          <div className="overflow-x-auto">
            <Table aria-label="Invoices">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Number</Table.HeaderCell>
                  <Table.HeaderCell>Issued</Table.HeaderCell>
                  <Table.HeaderCell>Customer</Table.HeaderCell>
                  <Table.HeaderCell>For</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
                  <Table.HeaderCell>PDF</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.invoices.map((invoice) => (
                  <Table.Row key={invoice.id}>
                    <Table.Cell className="font-medium">
                      {invoice.number}
                      {invoice.mode === "test" && <span className="text-ui-fg-muted"> · test</span>}
                    </Table.Cell>
                    <Table.Cell>{formatDay(invoice.issued_at)}</Table.Cell>
                    <Table.Cell>
                      <Link to={`/customers/${invoice.customer_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                        {invoice.customer_name || invoice.customer_email}
                      </Link>
                    </Table.Cell>
                    <Table.Cell>
                      {invoice.order_id ? (
                        <Link to={`/orders/${invoice.order_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                          {invoice.summary || "Order"}
                        </Link>
                      ) : (
                        invoice.summary || invoice.description || "Subscription"
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      <InvoiceStatusBadge status={invoice.status} />
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{formatMinor(invoice.total, invoice.currency_code)}</Table.Cell>
                    <Table.Cell>
                      <span className="flex gap-x-3">
                        <PdfLink href={invoicePdfUrl(invoice.id, "en")} label={`Download ${invoice.number} as a PDF in English`}>
                          EN
                        </PdfLink>
                        <PdfLink href={invoicePdfUrl(invoice.id, "ar")} label={`Download ${invoice.number} as a PDF in Arabic`}>
                          AR
                        </PdfLink>
                      </span>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <ListPagination count={count} page={page} goTo={(p) => apply(filters, p)} />
        </>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Invoices", icon: DocumentText })

export default InvoicesPage

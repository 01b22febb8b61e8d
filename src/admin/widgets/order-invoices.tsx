import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { invoicePdfUrl, portalClient } from "../lib/client"
import { formatDay, formatMinor, InvoiceStatusBadge, PdfLink } from "../lib/invoices"

/** The order's invoice(s) on the order page, each with its PDF in English and Arabic. */
const OrderInvoicesWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isLoading, isError } = useQuery({
    queryKey: ["customer-portal", "invoices", { order_id: order.id }],
    queryFn: () => portalClient.invoices.list({ order_id: order.id, limit: 20 }),
  })

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <div className="flex items-center justify-between">
        <Heading level="h2">Invoices</Heading>
        <Link to={`/invoices?order_id=${order.id}`} className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
          View all
        </Link>
      </div>
      {isLoading && (
        <Text size="small" aria-live="polite">
          Loading…
        </Text>
      )}
      {isError && (
        <Text size="small" className="text-ui-fg-error" role="alert">
          The invoices could not be loaded. Reload the page to try again.
        </Text>
      )}
      {data && data.invoices.length === 0 && (
        <Text size="small" className="text-ui-fg-subtle">
          No invoice yet. It is issued a moment after the order is placed.
        </Text>
      )}
      {data && data.invoices.length > 0 && (
        <ul className="flex flex-col gap-y-3" aria-label="Invoices of this order">
          {data.invoices.map((invoice) => (
            <li key={invoice.id} className="flex flex-col gap-y-1">
              <div className="flex items-center justify-between gap-x-2">
                <Text size="small" weight="plus">
                  {invoice.number}
                </Text>
                <InvoiceStatusBadge status={invoice.status} />
              </div>
              <div className="flex items-center justify-between gap-x-2">
                <Text size="small" className="text-ui-fg-subtle">
                  {formatDay(invoice.issued_at)} · {formatMinor(invoice.total, invoice.currency_code)}
                </Text>
                <span className="flex gap-x-3">
                  <PdfLink href={invoicePdfUrl(invoice.id, "en")} label={`Download ${invoice.number} as a PDF in English`}>
                    PDF
                  </PdfLink>
                  <PdfLink href={invoicePdfUrl(invoice.id, "ar")} label={`Download ${invoice.number} as a PDF in Arabic`}>
                    PDF (عربي)
                  </PdfLink>
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderInvoicesWidget

import { Badge } from "@medusajs/ui"
import type { InvoiceStatus } from "./types"

/** Whole minor units as money in the admin's language: 1999 USD → "$19.99". */
export function formatMinor(amount: number, currency: string): string {
  try {
    const format = new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() })
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2
    return format.format(amount / 10 ** digits)
  } catch {
    return `${amount} ${currency.toUpperCase()} (minor units)`
  }
}

export const formatDay = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date(iso))

const STATUS: Record<InvoiceStatus, { label: string; color: "green" | "orange" | "grey" | "red" }> = {
  paid: { label: "Paid", color: "green" },
  open: { label: "Open", color: "orange" },
  void: { label: "Void", color: "grey" },
  uncollectible: { label: "Uncollectible", color: "red" },
}

export const InvoiceStatusBadge = ({ status }: { status: InvoiceStatus }) => (
  <Badge size="2xsmall" color={STATUS[status].color}>
    {STATUS[status].label}
  </Badge>
)

export const INVOICE_STATUSES = Object.entries(STATUS).map(([value, { label }]) => ({ value: value as InvoiceStatus, label }))

/** A link that downloads an invoice PDF with the admin's session. */
export const PdfLink = ({ href, label, children }: { href: string; label: string; children: React.ReactNode }) => (
  <a
    href={href}
    download
    aria-label={label}
    className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover focus-visible:shadow-borders-focus rounded outline-none"
  >
    {children}
  </a>
)

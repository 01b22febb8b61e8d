import type { InvoiceDTO } from "../../modules/customer-portal/service"
import type { PortalContext } from "./portal-auth"

/** The language part of Medusa's request locale ("ar" of "ar-SA"), if any. */
export function requestLanguage(req: { locale?: string }): string | undefined {
  return req.locale?.split("-")[0]?.toLowerCase() || undefined
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * An issue-date range as a filter. A bare day is a whole day: `to=2026-01-31`
 * takes in everything issued on the 31st (UTC), not only its first instant.
 */
export function issuedBetween(from?: string, to?: string): { issued_at?: IssuedRange } {
  if (!from && !to) return {}
  const end = to ? (DAY.test(to) ? { $lt: new Date(Date.parse(to) + 86_400_000) } : { $lte: new Date(to) }) : {}
  return { issued_at: { ...(from ? { $gte: new Date(from) } : {}), ...end } }
}

type IssuedRange = { $gte?: Date; $lt?: Date; $lte?: Date }

/** The signed-in customer's invoices (every record with their email, in the session's mode), narrowed by status and issue date. */
export function portalInvoiceFilters(
  portal: PortalContext,
  query: { status?: string; from?: string; to?: string }
): { customer_id: string[]; mode: "test" | "live"; status?: string; issued_at?: IssuedRange } {
  const { status, from, to } = query
  return {
    customer_id: portal.customer_ids,
    mode: portal.mode,
    ...(status ? { status } : {}),
    ...issuedBetween(from, to),
  }
}

const amount = (value: unknown) => Number(value)

/** An invoice as a customer sees it: no internal references, amounts in minor units. */
export function presentInvoice(invoice: InvoiceDTO, options: { lines?: boolean } = {}) {
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    source_type: invoice.source_type,
    description: invoice.metadata?.description ?? null,
    currency_code: invoice.currency_code,
    subtotal: amount(invoice.subtotal),
    discount_total: amount(invoice.discount_total),
    shipping_total: amount(invoice.shipping_total),
    tax_total: amount(invoice.tax_total),
    total: amount(invoice.total),
    issued_at: invoice.issued_at,
    paid_at: invoice.paid_at,
    voided_at: invoice.voided_at,
    ...(options.lines
      ? {
          customer_email: invoice.customer_email,
          customer_name: invoice.customer_name,
          billing_address: invoice.billing_address,
          payment_method_label: invoice.payment_method_label,
          lines: [...(invoice.lines ?? [])]
            .sort((a, b) => a.rank - b.rank)
            .map((line) => ({
              kind: line.kind,
              title: line.title,
              description: line.description,
              quantity: line.quantity,
              unit_price: amount(line.unit_price),
              subtotal: amount(line.subtotal),
              discount_total: amount(line.discount_total),
              tax_total: amount(line.tax_total),
              total: amount(line.total),
            })),
        }
      : { summary: (invoice.lines ?? []).filter((l) => l.kind === "item").map((l) => l.title).join(", ") }),
  }
}

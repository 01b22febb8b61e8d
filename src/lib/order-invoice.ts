import type { IssueInvoiceInput } from "../modules/customer-portal/service"
import { amountToNumber, toMinorUnits } from "./money"

/** What an order's invoice is made from, as Query reads it. */
export const ORDER_INVOICE_FIELDS = [
  "id",
  "email",
  "customer_id",
  "currency_code",
  "created_at",
  "status",
  "canceled_at",
  "metadata",
  // Asking for the order's totals makes the Order Module compute the line and shipping totals too.
  "total",
  "subtotal",
  "tax_total",
  "discount_total",
  "shipping_total",
  "customer.first_name",
  "customer.last_name",
  "billing_address.*",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.variant_id",
  "items.quantity",
  "items.unit_price",
  "items.subtotal",
  "items.discount_total",
  "items.tax_total",
  "items.total",
  "shipping_methods.name",
  "shipping_methods.subtotal",
  "shipping_methods.discount_total",
  "shipping_methods.tax_total",
  "shipping_methods.total",
  "payment_collections.payments.id",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
  "payment_collections.payments.data",
]

type Line = IssueInvoiceInput["lines"][number]

/** How a purchased line reads to the customer: "Product · Variant". */
export function lineItemTitle(item: { title?: string | null; product_title?: string | null; variant_title?: string | null }): string {
  return [item.product_title ?? item.title, item.variant_title].filter(Boolean).join(" · ")
}

/**
 * The invoice snapshot of an order: its lines and totals in whole minor
 * units. Each amount is rounded once, and every total is the sum of rounded
 * parts, so the invoice always adds up.
 */
export function invoiceFromOrder(order: any): Pick<
  IssueInvoiceInput,
  | "lines"
  | "subtotal"
  | "discount_total"
  | "shipping_total"
  | "tax_total"
  | "total"
  | "currency_code"
  | "customer_email"
  | "customer_name"
  | "billing_address"
  | "payment_method_label"
> {
  const currency = order.currency_code
  const minor = (amount: unknown) => toMinorUnits(amount as number, currency)
  const line = (kind: "item" | "shipping", title: string, quantity: number, unit: unknown, sub: unknown, discount: unknown, tax: unknown, variantId?: string | null): Line => {
    const subtotal = minor(sub)
    const discount_total = Math.min(minor(discount), subtotal)
    const tax_total = minor(tax)
    return { kind, title, quantity, unit_price: minor(unit), subtotal, discount_total, tax_total, total: subtotal - discount_total + tax_total, product_variant_id: variantId ?? null }
  }
  const items: Line[] = (order.items ?? []).map((item: any) =>
    line(
      "item",
      lineItemTitle(item),
      amountToNumber(item.quantity),
      item.unit_price,
      item.subtotal,
      item.discount_total,
      item.tax_total,
      item.variant_id
    )
  )
  const shipping: Line[] = (order.shipping_methods ?? []).map((method: any) =>
    line("shipping", method.name, 1, method.subtotal, method.subtotal, method.discount_total, method.tax_total)
  )
  const sum = (lines: Line[], key: "subtotal" | "discount_total" | "tax_total") => lines.reduce((acc, l) => acc + l[key], 0)
  const all = [...items, ...shipping]
  const subtotal = sum(items, "subtotal")
  const shipping_total = sum(shipping, "subtotal")
  const discount_total = sum(all, "discount_total")
  const tax_total = sum(all, "tax_total")
  const name = [order.customer?.first_name, order.customer?.last_name].filter(Boolean).join(" ")
  return {
    lines: all,
    subtotal,
    discount_total,
    shipping_total,
    tax_total,
    total: subtotal - discount_total + shipping_total + tax_total,
    currency_code: currency,
    customer_email: order.email,
    customer_name: name || null,
    billing_address: order.billing_address ?? null,
    payment_method_label: paymentMethodLabel(order),
  }
}

const BRANDS: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express" }

/** How a card reads on an invoice: "Visa •••• 4242". */
export function cardLabel(brand: string | null | undefined, last4: string | null | undefined): string | null {
  return last4 && /^\d{4}$/.test(last4) ? `${BRANDS[brand ?? ""] ?? "Card"} •••• ${last4}` : null
}

/** The card the order was paid with, when its payment names one (as card providers' data does). */
export function paymentMethodLabel(order: any): string | null {
  for (const payment of (order.payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? [])) {
    const label = cardLabel(payment?.data?.card?.brand, payment?.data?.card?.last4)
    if (label) return label
  }
  return null
}

/** The moment an order's payment was captured, if it was. */
export function orderCapturedAt(order: any): Date | null {
  const captured = (order.payment_collections ?? [])
    .flatMap((pc: any) => pc.payments ?? [])
    .map((p: any) => p.captured_at)
    .filter(Boolean)
    .map((d: string | Date) => new Date(d))
    .sort((a: Date, b: Date) => a.getTime() - b.getTime())
  return captured[0] ?? null
}

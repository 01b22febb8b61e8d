import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { invoiceFromOrder, ORDER_INVOICE_FIELDS } from "../../lib/order-invoice"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import type { InvoiceDTO, InvoiceSnapshot, SubscriptionDTO } from "../../modules/customer-portal/service"

/**
 * Issues (once per source) an invoice for one period of a subscription at
 * its price before tax: a single line of the plan. Renewals and the dues of
 * an on-hold subscription both bill this way.
 */
export async function issueSubscriptionInvoice(
  container: MedusaContainer,
  sub: SubscriptionDTO,
  source: { source_type: "renewal" | "dues"; source_id: string; issued_at: Date; payment_method_label: string | null; metadata?: Record<string, unknown> }
) {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: sub.customer_id }, { take: 1 })
  const amount = Number(sub.amount)
  const quantity = Math.max(1, sub.quantity ?? 1)
  return service.issueInvoice({
    portal_id: sub.portal_id,
    mode: sub.mode,
    customer_id: sub.customer_id,
    subscription_id: sub.id,
    currency_code: sub.currency_code,
    customer_email: customer?.email ?? "",
    customer_name: [customer?.first_name, customer?.last_name].filter(Boolean).join(" ") || null,
    subtotal: amount,
    discount_total: 0,
    shipping_total: 0,
    tax_total: 0,
    total: amount,
    ...source,
    lines: [
      {
        kind: "item",
        title: sub.plan_title,
        description: null,
        product_variant_id: sub.product_variant_id,
        quantity,
        unit_price: Math.round(amount / quantity),
        subtotal: amount,
        discount_total: 0,
        tax_total: 0,
        total: amount,
      },
    ],
  })
}

/**
 * What an on-hold subscription owes: the invoice paid during this hold when
 * there is one (its charge went through but the subscription was not made
 * active again: it is activated, never charged a second time), else its open
 * renewal or dues invoice, else a dues invoice issued now, once per hold.
 */
export async function owedInvoice(container: MedusaContainer, sub: SubscriptionDTO, now: Date, paymentMethodLabel: string | null): Promise<InvoiceDTO> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const since = new Date(sub.on_hold_since ?? sub.updated_at)
  const [paid] = await service.listInvoices(
    { subscription_id: sub.id, status: "paid", source_type: ["renewal", "dues"], paid_at: { $gte: since } } as any,
    { take: 1, order: { paid_at: "DESC" } }
  )
  if (paid) return paid
  const [open] = await service.listInvoices(
    { subscription_id: sub.id, status: "open", source_type: ["renewal", "dues"] },
    { take: 1, order: { issued_at: "DESC" } }
  )
  if (open) return open
  const { invoice } = await issueSubscriptionInvoice(container, sub, {
    source_type: "dues",
    // One dues invoice per hold: retries after a failure find this one again.
    source_id: `${sub.id}:hold:${since.toISOString()}`,
    issued_at: now,
    payment_method_label: paymentMethodLabel,
  })
  return invoice
}

/** The lines and totals of the order that paid an invoice (taxes as the region charged them), or null when it cannot be read. */
export async function invoiceSnapshot(container: MedusaContainer, orderId: string): Promise<InvoiceSnapshot | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ORDER_INVOICE_FIELDS, filters: { id: orderId } })
  if (!order) return null
  const { lines, subtotal, discount_total, shipping_total, tax_total, total, billing_address, payment_method_label } = invoiceFromOrder(order)
  return { lines, subtotal, discount_total, shipping_total, tax_total, total, billing_address, payment_method_label }
}

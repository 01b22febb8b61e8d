import { model } from "@medusajs/framework/utils"
import { wholeMinorUnits } from "../model-checks"
import InvoiceLine from "./invoice-line"

/**
 * A numbered invoice: a snapshot of what was charged, taken when it was issued.
 * `source_type` + `source_id` name what it was issued for (an order, a renewal
 * period, a dues charge), and are unique so a source never gets two invoices.
 * Amounts are integer minor units of `currency_code`.
 */
const Invoice = model
  .define("invoice", {
    id: model.id({ prefix: "inv" }).primaryKey(),
    portal_id: model.text(),
    mode: model.enum(["test", "live"]),
    number: model.text(),
    sequence: model.number(),
    customer_id: model.text(),
    order_id: model.text().nullable(),
    subscription_id: model.text().nullable(),
    source_type: model.enum(["order", "renewal", "dues"]),
    source_id: model.text(),
    status: model.enum(["open", "paid", "void", "uncollectible"]).default("open"),
    currency_code: model.text(),
    subtotal: model.bigNumber(),
    discount_total: model.bigNumber(),
    shipping_total: model.bigNumber(),
    tax_total: model.bigNumber(),
    total: model.bigNumber(),
    issued_at: model.dateTime(),
    paid_at: model.dateTime().nullable(),
    voided_at: model.dateTime().nullable(),
    customer_email: model.text(),
    customer_name: model.text().nullable(),
    billing_address: model.json().nullable(),
    payment_id: model.text().nullable(),
    payment_method_label: model.text().nullable(),
    locale: model.text().nullable(),
    /**
     * The cart of the charge attempt under way for this invoice (a renewal or
     * dues charge), kept while the invoice is open and after it is paid: the
     * one attempt there is. Set only when none is attached, by the holder of
     * the subscription's fence; taken off only on a proven outcome (declined,
     * refunded). The server's own marker of a renewal order: a shopper cannot
     * set it.
     */
    charge_cart_id: model.text().nullable(),
    /** How the attempt pays (provider, method, payer, the method to adopt) and whether it is being refunded. */
    charge_attempt: model.json().nullable(),
    metadata: model.json().nullable(),
    lines: model.hasMany(() => InvoiceLine, { mappedBy: "invoice" }),
  })
  .cascades({ delete: ["lines"] })
  .indexes([
    { name: "IDX_invoice_number_unique", on: ["portal_id", "number"], unique: true },
    { name: "IDX_invoice_sequence_unique", on: ["portal_id", "sequence"], unique: true },
    { name: "IDX_invoice_source_unique", on: ["source_type", "source_id"], unique: true },
    // Billing history: a customer's invoices newest first, optionally by status.
    { name: "IDX_invoice_customer_mode_issued", on: ["customer_id", "mode", "issued_at", "id"], where: "deleted_at IS NULL" },
    { name: "IDX_invoice_customer_status_issued", on: ["customer_id", "status", "issued_at"], where: "deleted_at IS NULL" },
    { name: "IDX_invoice_order", on: ["order_id"], where: "order_id IS NOT NULL" },
    { name: "IDX_invoice_subscription", on: ["subscription_id"], where: "subscription_id IS NOT NULL" },
    { name: "IDX_invoice_charge_cart_unique", on: ["charge_cart_id"], unique: true, where: "charge_cart_id IS NOT NULL AND deleted_at IS NULL" },
    { name: "IDX_invoice_status_issued", on: ["status", "issued_at"], where: "deleted_at IS NULL" },
  ])
  .checks([
    { name: "invoice_sequence_positive", expression: (c) => `${c.sequence} > 0` },
    { name: "invoice_currency_code", expression: (c) => `${c.currency_code} ~ '^[a-z]{3}$'` },
    {
      name: "invoice_amounts_minor_units",
      expression: (c) => wholeMinorUnits(c.subtotal, c.discount_total, c.shipping_total, c.tax_total, c.total),
    },
    {
      name: "invoice_total_adds_up",
      expression: (c) => `${c.total} = ${c.subtotal} - ${c.discount_total} + ${c.shipping_total} + ${c.tax_total}`,
    },
    {
      name: "invoice_status_dates",
      expression: (c) =>
        `(${c.status} <> 'paid' OR ${c.paid_at} IS NOT NULL) AND (${c.status} <> 'void' OR ${c.voided_at} IS NOT NULL)`,
    },
  ])

export default Invoice

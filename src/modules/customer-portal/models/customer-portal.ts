import { model } from "@medusajs/framework/utils"

/**
 * The portal's configuration for the store: one row per business. `business_id`
 * is the public identifier used in the static login link (A1), so it is random
 * and never reused.
 */
const CustomerPortal = model
  .define("customer_portal", {
    id: model.id({ prefix: "cport" }).primaryKey(),
    business_id: model.text().unique(),
    mode: model.enum(["test", "live"]).default("test"),
    name: model.text(),
    logo_url: model.text().nullable(),
    accent_color: model.text().nullable(),
    support_email: model.text().nullable(),
    return_url: model.text().nullable(),
    default_locale: model.text().default("en"),
    /** Seller details printed on invoices: address lines, tax id. */
    business_address: model.json().nullable(),
    allow_cancellation: model.boolean().default(true),
    cancellation_mode: model.enum(["immediately", "period_end", "both"]).default("both"),
    allow_payment_method_update: model.boolean().default(true),
    allow_profile_edit: model.boolean().default(true),
    allow_license_deactivation: model.boolean().default(true),
    /** Last invoice number handed out; incremented in the transaction that issues one. */
    invoice_sequence: model.number().default(0),
    metadata: model.json().nullable(),
  })
  .checks([
    {
      name: "customer_portal_accent_color_hex",
      expression: (c) => `${c.accent_color} IS NULL OR ${c.accent_color} ~ '^#[0-9a-fA-F]{6}$'`,
    },
    { name: "customer_portal_invoice_sequence_non_negative", expression: (c) => `${c.invoice_sequence} >= 0` },
  ])

export default CustomerPortal

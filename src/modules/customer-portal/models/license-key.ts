import { model } from "@medusajs/framework/utils"
import LicenseActivation from "./license-activation"

/**
 * A license key issued for a unit of a license-keyed product variant. The key
 * is shown only to its owner in the portal; the license API finds it by value.
 * `activation_limit` null means unlimited; `expires_at` null means lifetime.
 */
const LicenseKey = model
  .define("license_key", {
    id: model.id({ prefix: "lkey" }).primaryKey(),
    portal_id: model.text(),
    mode: model.enum(["test", "live"]),
    key: model.text(),
    customer_id: model.text(),
    order_id: model.text().nullable(),
    order_line_item_id: model.text().nullable(),
    /** Which unit of its order line the key is for (0-based): one key per unit, issued once. */
    line_unit: model.number().nullable(),
    product_variant_id: model.text().nullable(),
    subscription_id: model.text().nullable(),
    product_title: model.text(),
    status: model.enum(["active", "disabled", "revoked", "expired"]).default("active"),
    activation_limit: model.number().nullable(),
    expires_at: model.dateTime().nullable(),
    disabled_at: model.dateTime().nullable(),
    revoked_at: model.dateTime().nullable(),
    /** Why it was revoked: by the merchant, or because the order that issued it was cancelled or refunded in full. */
    revoked_reason: model.enum(["merchant", "order_canceled", "order_refunded"]).nullable(),
    metadata: model.json().nullable(),
    activations: model.hasMany(() => LicenseActivation, { mappedBy: "license_key" }),
  })
  .cascades({ delete: ["activations"] })
  .indexes([
    { name: "IDX_license_key_key_unique", on: ["key"], unique: true },
    { name: "IDX_license_key_customer", on: ["customer_id", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_license_key_order_line_unit", on: ["order_line_item_id", "line_unit"], unique: true, where: "order_line_item_id IS NOT NULL AND deleted_at IS NULL" },
    { name: "IDX_license_key_subscription", on: ["subscription_id"], where: "subscription_id IS NOT NULL" },
  ])
  .checks([
    { name: "license_key_format", expression: (c) => `${c.key} ~ '^[A-Z0-9]+(-[A-Z0-9]+)+$' AND length(${c.key}) BETWEEN 16 AND 64` },
    { name: "license_key_activation_limit", expression: (c) => `${c.activation_limit} IS NULL OR ${c.activation_limit} >= 1` },
    {
      name: "license_key_status_dates",
      expression: (c) =>
        `(${c.status} <> 'revoked' OR ${c.revoked_at} IS NOT NULL) AND (${c.status} <> 'disabled' OR ${c.disabled_at} IS NOT NULL)`,
    },
  ])

export default LicenseKey

import { model } from "@medusajs/framework/utils"

/**
 * A product variant that comes with license keys: one key per unit sold.
 * `activation_limit` null means unlimited activations; `validity_days` null
 * means the key never expires (a key tied to a subscription lives as long
 * as the subscription instead). `key_prefix` starts every key (`ACME-…`).
 */
const LicensePlan = model
  .define("license_plan", {
    id: model.id({ prefix: "lplan" }).primaryKey(),
    product_variant_id: model.text(),
    activation_limit: model.number().nullable(),
    validity_days: model.number().nullable(),
    key_prefix: model.text().nullable(),
  })
  .indexes([{ name: "IDX_license_plan_variant_unique", on: ["product_variant_id"], unique: true, where: "deleted_at IS NULL" }])
  .checks([
    { name: "license_plan_activation_limit", expression: (c) => `${c.activation_limit} IS NULL OR ${c.activation_limit} BETWEEN 1 AND 100000` },
    { name: "license_plan_validity_days", expression: (c) => `${c.validity_days} IS NULL OR ${c.validity_days} BETWEEN 1 AND 36500` },
    { name: "license_plan_key_prefix", expression: (c) => `${c.key_prefix} IS NULL OR ${c.key_prefix} ~ '^[A-Z0-9]{1,10}$'` },
  ])

export default LicensePlan

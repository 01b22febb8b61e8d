import { model } from "@medusajs/framework/utils"

/**
 * A product variant sold as a subscription: every `interval_count`
 * `interval`s the customer is charged the variant's price again. Marked by
 * the merchant in the admin; one plan per variant.
 */
const SubscriptionPlan = model
  .define("subscription_plan", {
    id: model.id({ prefix: "splan" }).primaryKey(),
    product_variant_id: model.text(),
    interval: model.enum(["day", "week", "month", "year"]),
    interval_count: model.number().default(1),
  })
  .indexes([{ name: "IDX_subscription_plan_variant_unique", on: ["product_variant_id"], unique: true, where: "deleted_at IS NULL" }])
  .checks([{ name: "subscription_plan_interval_count", expression: (c) => `${c.interval_count} BETWEEN 1 AND 366` }])

export default SubscriptionPlan

import { model } from "@medusajs/framework/utils"
import { wholeMinorUnits } from "../model-checks"

/**
 * A customer's subscription to a plan (a product variant). Amounts are integer
 * minor units of `currency_code`. The payment method is a reference to a method
 * saved with the payment provider, plus what the portal shows of it.
 */
const Subscription = model
  .define("subscription", {
    id: model.id({ prefix: "sub" }).primaryKey(),
    portal_id: model.text(),
    mode: model.enum(["test", "live"]),
    customer_id: model.text(),
    product_variant_id: model.text(),
    order_id: model.text().nullable(),
    /** The order line that started it: one subscription per line, however often the order's events arrive. */
    order_line_item_id: model.text().nullable(),
    /** Where renewals are placed: the first order's region and sales channel. */
    region_id: model.text().nullable(),
    sales_channel_id: model.text().nullable(),
    quantity: model.number().default(1),
    status: model.enum(["active", "on_hold", "cancelled", "expired"]).default("active"),
    plan_title: model.text(),
    interval: model.enum(["day", "week", "month", "year"]),
    interval_count: model.number().default(1),
    amount: model.bigNumber(),
    currency_code: model.text(),
    current_period_start: model.dateTime(),
    current_period_end: model.dateTime(),
    next_renewal_at: model.dateTime().nullable(),
    cancel_at_period_end: model.boolean().default(false),
    cancelled_at: model.dateTime().nullable(),
    cancellation_reason: model
      .enum(["too_expensive", "missing_features", "switched_service", "unused", "customer_service", "too_complex", "low_quality", "other"])
      .nullable(),
    cancellation_comment: model.text().nullable(),
    ended_at: model.dateTime().nullable(),
    on_hold_since: model.dateTime().nullable(),
    payment_provider_id: model.text().nullable(),
    /**
     * Whose account holder keeps the payment method: the customer record a
     * renewal's payment is made for (one person's guest and account records
     * each have their own). Null: the subscription's own customer.
     */
    payment_customer_id: model.text().nullable(),
    account_holder_id: model.text().nullable(),
    payment_method_id: model.text().nullable(),
    payment_method_brand: model.text().nullable(),
    payment_method_last4: model.text().nullable(),
    payment_method_exp_month: model.number().nullable(),
    payment_method_exp_year: model.number().nullable(),
    /**
     * Raised by one each time a holder takes the subscription's lock to charge
     * it: the holder's fencing token. Every write of a charge checks it, so a
     * holder whose lease ran out can no longer attach, settle or record one.
     */
    charge_fence: model.number().default(0),
    metadata: model.json().nullable(),
  })
  .indexes([
    // The portal's list: a customer's subscriptions, current ones first.
    { name: "IDX_subscription_customer_status", on: ["customer_id", "status", "created_at"], where: "deleted_at IS NULL" },
    // The renewal job: due active subscriptions, oldest first.
    { name: "IDX_subscription_due", on: ["next_renewal_at"], where: "status = 'active' AND deleted_at IS NULL" },
    { name: "IDX_subscription_order", on: ["order_id"], where: "order_id IS NOT NULL" },
    { name: "IDX_subscription_order_line_unique", on: ["order_line_item_id"], unique: true, where: "order_line_item_id IS NOT NULL" },
    { name: "IDX_subscription_variant", on: ["product_variant_id"] },
    // The purge keeps every test card a subscription names.
    { name: "IDX_subscription_payment_method", on: ["payment_method_id"], where: "payment_method_id IS NOT NULL" },
  ])
  .checks([
    { name: "subscription_amount_minor_units", expression: (c) => wholeMinorUnits(c.amount) },
    { name: "subscription_interval_count_positive", expression: (c) => `${c.interval_count} BETWEEN 1 AND 366` },
    { name: "subscription_currency_code", expression: (c) => `${c.currency_code} ~ '^[a-z]{3}$'` },
    { name: "subscription_period_order", expression: (c) => `${c.current_period_end} > ${c.current_period_start}` },
    {
      name: "subscription_state_fields",
      expression: (c) =>
        `(${c.status} <> 'on_hold' OR ${c.on_hold_since} IS NOT NULL) AND ` +
        `(${c.status} NOT IN ('cancelled', 'expired') OR ${c.ended_at} IS NOT NULL) AND ` +
        `(${c.status} = 'active' OR ${c.next_renewal_at} IS NULL)`,
    },
    {
      name: "subscription_last4",
      expression: (c) => `${c.payment_method_last4} IS NULL OR ${c.payment_method_last4} ~ '^[0-9]{4}$'`,
    },
  ])

export default Subscription

import { model } from "@medusajs/framework/utils"

/** What can happen to a customer's account through the portal, as the audit trail names it. */
export const PORTAL_ACTIVITY_ACTIONS = [
  "link_issued",
  "signed_in",
  "signed_out",
  "signed_out_everywhere",
  "access_revoked",
  "subscription_cancelled",
  "cancellation_undone",
  "subscription_renewed",
  "subscription_payment_failed",
  "subscription_reactivated",
  "subscription_ended",
  "license_keys_revoked",
  "license_keys_restored",
  "payment_method_added",
  "payment_method_changed",
  "profile_updated",
  "email_change_requested",
  "email_changed",
  "email_change_undone",
  "email_confirmation_requested",
  "email_confirmed",
] as const

export type PortalActivityAction = (typeof PORTAL_ACTIVITY_ACTIONS)[number]

/**
 * The audit trail: one row per thing done to a customer's account — who did
 * it (the customer, an admin user, or the store itself), when, and from
 * which address and browser. Rows are only ever added. The merchant reads
 * them on the customer's page; the customer reads their own as "Recent
 * activity".
 */
const PortalActivity = model
  .define("portal_activity", {
    id: model.id({ prefix: "pact" }).primaryKey(),
    portal_id: model.text().nullable(),
    customer_id: model.text(),
    /** The mode of what it was about (a session, a subscription, a key); null for what belongs to the person in both (the profile, their address). */
    mode: model.enum(["test", "live"]).nullable(),
    action: model.enum([...PORTAL_ACTIVITY_ACTIONS]),
    actor_type: model.enum(["customer", "admin", "system"]),
    /** The admin user's id when an admin acted; the customer's when they did. */
    actor_id: model.text().nullable(),
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
    /** What it was about, in words a person reads: a plan's title, the fields changed, a card's label. */
    details: model.json().nullable(),
  })
  .indexes([{ name: "IDX_portal_activity_customer_created", on: ["customer_id", "created_at", "id"], where: "deleted_at IS NULL" }])

export default PortalActivity

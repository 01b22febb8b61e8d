/** Events the plugin emits, `<entity>.<past_tense>`. */
export const PortalEvents = {
  /** A customer asked for a sign-in link on the static login page. Data: business_id, email, locale. */
  LOGIN_REQUESTED: "customer_portal.login_requested",
  /** A one-time link was issued. Data: customer_id, purpose, issued_by_type, expires_at. */
  LINK_ISSUED: "portal_link.issued",
  /** A link was redeemed and a session opened. Data: customer_id, session_id. */
  SESSION_CREATED: "portal_session.created",
  /** A session was ended by its customer. Data: customer_id, session_id. */
  SESSION_ENDED: "portal_session.ended",
  /** The merchant revoked a customer's links and sessions. Data: customer_ids, links, sessions. */
  ACCESS_REVOKED: "portal_access.revoked",
  /** An invoice was issued. Data: id, order_id or subscription_id. */
  INVOICE_ISSUED: "invoice.issued",
  /** A subscription started from an order. Data: id, customer_id, order_id. */
  SUBSCRIPTION_STARTED: "subscription.started",
  /** A renewal was charged and the next period began. Data: id, customer_id, invoice_id, order_id. */
  SUBSCRIPTION_RENEWED: "subscription.renewed",
  /** A renewal charge failed and the subscription went on hold. Data: id, customer_id, invoice_id, reason. */
  SUBSCRIPTION_PAYMENT_FAILED: "subscription.payment_failed",
  /** A subscription ended at once. Data: id, customer_id, by ("customer", "admin", "system" or "schedule"), reason, because (its order was cancelled or refunded). */
  SUBSCRIPTION_CANCELLED: "subscription.cancelled",
  /** A subscription will end when its period does. Data: id, customer_id, ends_at, reason. */
  SUBSCRIPTION_CANCELLATION_SCHEDULED: "subscription.cancellation_scheduled",
  /** A scheduled cancellation was undone. Data: id, customer_id. */
  SUBSCRIPTION_CANCELLATION_UNDONE: "subscription.cancellation_undone",
  /** A subscription's payment method was changed by its customer. Data: id, customer_id, by. */
  SUBSCRIPTION_PAYMENT_METHOD_UPDATED: "subscription.payment_method_updated",
  /** An on-hold subscription's dues were paid and it is active again. Data: id, customer_id, invoice_id, order_id, by. */
  SUBSCRIPTION_REACTIVATED: "subscription.reactivated",
  /** License keys were issued for an order. Data: ids, order_id, customer_id. */
  LICENSE_KEYS_ISSUED: "license_key.issued",
  /** The keys of an order that was cancelled or refunded in full were revoked. Data: ids, order_id, reason. */
  LICENSE_KEYS_REVOKED: "license_key.revoked",
} as const

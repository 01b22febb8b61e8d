import { model } from "@medusajs/framework/utils"

/**
 * A signed-in portal session. The storefront holds the token in an httpOnly
 * cookie; only its SHA-256 is kept here. A session ends at `expires_at`, after
 * the idle timeout since `last_seen_at`, or when revoked.
 *
 * `customer_id` is the record the session acts on. `proven_email` is the
 * address the session proved by using a link emailed to it, and when
 * (`proven_at`); a link handed to someone proves none.
 *
 * `customer_ids` are the customer records the session sees (its own, and every
 * record of an address it or its record has proven; see docs/architecture.md,
 * "Identity"), with `email_confirmed` saying whether its own record's address
 * is among them. Both are worked out again when `customers_checked_at` is
 * more than a minute old or cleared, so a request does not search the
 * customer table.
 */
const PortalSession = model
  .define("portal_session", {
    id: model.id({ prefix: "psess" }).primaryKey(),
    portal_id: model.text(),
    customer_id: model.text(),
    mode: model.enum(["test", "live"]),
    token_hash: model.text(),
    link_id: model.text().nullable(),
    expires_at: model.dateTime(),
    last_seen_at: model.dateTime(),
    revoked_at: model.dateTime().nullable(),
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
    proven_email: model.text().nullable(),
    proven_at: model.dateTime().nullable(),
    customer_ids: model.array().nullable(),
    email_confirmed: model.boolean().nullable(),
    customers_checked_at: model.dateTime().nullable(),
  })
  .indexes([
    { name: "IDX_portal_session_token_hash_unique", on: ["token_hash"], unique: true },
    { name: "IDX_portal_session_customer_active", on: ["customer_id"], where: "revoked_at IS NULL AND deleted_at IS NULL" },
    { name: "IDX_portal_session_expires_at", on: ["expires_at"] },
    // The purge: revoked sessions, oldest first.
    { name: "IDX_portal_session_revoked", on: ["revoked_at"], where: "revoked_at IS NOT NULL AND deleted_at IS NULL" },
  ])
  .checks([
    { name: "portal_session_token_hash_sha256", expression: (c) => `${c.token_hash} ~ '^[0-9a-f]{64}$'` },
    { name: "portal_session_proof_fields", expression: (c) => `(${c.proven_email} IS NULL) = (${c.proven_at} IS NULL)` },
  ])

export default PortalSession

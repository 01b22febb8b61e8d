import { model } from "@medusajs/framework/utils"

/** Links that carry an address (`new_email`): the email-change steps. None of them opens a session. */
export const EMAIL_CHANGE_PURPOSES = ["email_change_authorize", "email_change", "email_change_undo"] as const

/**
 * A way into the portal. `static` links exist once per business and mode and
 * never expire (A1, A2); `magic` links belong to one customer, are used once and
 * expire (A3). Only the SHA-256 of a magic link's token is kept.
 *
 * Purposes: `sign_in`, `invite` and `payment_recovery` open a session;
 * `confirm_email` does too, and proves the address for the session that asked
 * for it when used in that session's browser; the email-change purposes only
 * move an address (see `EMAIL_CHANGE_PURPOSES`).
 */
const PortalLink = model
  .define("portal_link", {
    id: model.id({ prefix: "plink" }).primaryKey(),
    portal_id: model.text(),
    kind: model.enum(["static", "magic"]),
    mode: model.enum(["test", "live"]),
    customer_id: model.text().nullable(),
    token_hash: model.text().nullable(),
    purpose: model.enum(["sign_in", "invite", "payment_recovery", "confirm_email", ...EMAIL_CHANGE_PURPOSES]).default("sign_in"),
    issued_by_type: model.enum(["system", "admin_user", "api_key", "customer_request"]).default("system"),
    issued_by_id: model.text().nullable(),
    expires_at: model.dateTime().nullable(),
    used_at: model.dateTime().nullable(),
    revoked_at: model.dateTime().nullable(),
    /**
     * For the email-change purposes: the address that becomes the customer's
     * email once the change is made (for an undo, the address it restores).
     */
    new_email: model.text().nullable(),
    /**
     * The address (normalised) the portal emailed this link to, or null when it
     * was handed to someone (the admin's "Create link", the A5 API): only an
     * emailed link proves the address when used.
     */
    sent_to_email: model.text().nullable(),
    /** The session that asked for this link (a confirmation, an email change), if one did. */
    requested_by_session_id: model.text().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_portal_link_token_hash_unique", on: ["token_hash"], unique: true, where: "token_hash IS NOT NULL" },
    {
      name: "IDX_portal_link_static_per_mode_unique",
      on: ["portal_id", "mode"],
      unique: true,
      where: "kind = 'static' AND deleted_at IS NULL",
    },
    // A newer emailed link revokes the customer's older unused ones; the admin revokes all.
    {
      name: "IDX_portal_link_customer_unused",
      on: ["customer_id", "issued_by_type"],
      where: "kind = 'magic' AND used_at IS NULL AND revoked_at IS NULL AND deleted_at IS NULL",
    },
    { name: "IDX_portal_link_expires_at", on: ["expires_at"], where: "kind = 'magic' AND deleted_at IS NULL" },
    // The purge: used or revoked links, by when they last changed.
    { name: "IDX_portal_link_spent", on: ["updated_at"], where: "kind = 'magic' AND (used_at IS NOT NULL OR revoked_at IS NOT NULL) AND deleted_at IS NULL" },
  ])
  .checks([
    {
      name: "portal_link_kind_fields",
      expression: (c) =>
        `(${c.kind} = 'static' AND ${c.customer_id} IS NULL AND ${c.token_hash} IS NULL AND ${c.expires_at} IS NULL) OR ` +
        `(${c.kind} = 'magic' AND ${c.customer_id} IS NOT NULL AND ${c.token_hash} IS NOT NULL AND ${c.expires_at} IS NOT NULL)`,
    },
    { name: "portal_link_token_hash_sha256", expression: (c) => `${c.token_hash} IS NULL OR ${c.token_hash} ~ '^[0-9a-f]{64}$'` },
    {
      name: "portal_link_email_change_target",
      expression: (c) => `(${c.purpose} IN (${EMAIL_CHANGE_PURPOSES.map((p) => `'${p}'`).join(", ")})) = (${c.new_email} IS NOT NULL)`,
    },
  ])

export default PortalLink

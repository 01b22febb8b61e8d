import { model } from "@medusajs/framework/utils"

/** How an address was shown to be in the hands of the person using the portal. */
export const EMAIL_PROOF_METHODS = [
  /** A one-time link the portal emailed to the address was used. */
  "emailed_link",
  /**
   * A link sent to the address at the request of a session of this customer
   * record was used in that session's own browser: whoever holds the record
   * (its password, or the merchant's sign-in) also holds the mailbox.
   */
  "session_confirmation",
  /** A change of the record's email to this address was confirmed from it. */
  "email_change",
  /** A change of the record's email away from this address was undone from it. */
  "email_change_undo",
] as const

export type EmailProofMethod = (typeof EMAIL_PROOF_METHODS)[number]

/**
 * When and how an email address was proven, per customer record and way of
 * proving it: the first time and the latest. Addresses are kept normalised
 * (Unicode NFKC, trimmed, lower-cased). Only `session_confirmation` ties a
 * record to the mailbox for later sessions (see docs/architecture.md,
 * "Identity"); the other rows are the record of what happened.
 */
const EmailProof = model
  .define("portal_email_proof", {
    id: model.id({ prefix: "pproof" }).primaryKey(),
    email: model.text(),
    customer_id: model.text(),
    method: model.enum([...EMAIL_PROOF_METHODS]),
    first_proven_at: model.dateTime(),
    proven_at: model.dateTime(),
    /** The link that proved it, the latest time. */
    link_id: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_portal_email_proof_unique", on: ["email", "customer_id", "method"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_portal_email_proof_customer", on: ["customer_id"], where: "deleted_at IS NULL" },
  ])
  .checks([
    { name: "portal_email_proof_normalised", expression: (c) => `${c.email} = btrim(${c.email}) AND ${c.email} !~ '[A-Z]' AND ${c.email} LIKE '%_@_%'` },
    { name: "portal_email_proof_order", expression: (c) => `${c.proven_at} >= ${c.first_proven_at}` },
  ])

export default EmailProof

import { model } from "@medusajs/framework/utils"

/**
 * One rate-limit bucket (GCRA): `tat` is the theoretical arrival time of the
 * next request. Kept in PostgreSQL so limits hold across server instances.
 */
const PortalRateLimit = model
  .define("portal_rate_limit", {
    id: model.id({ prefix: "prl" }).primaryKey(),
    key: model.text(),
    tat: model.dateTime(),
    /** Whether the latest request was let through; set by the same statement that moves `tat`. */
    last_allowed: model.boolean().default(true),
  })
  .indexes([
    { name: "IDX_portal_rate_limit_key_unique", on: ["key"], unique: true },
    { name: "IDX_portal_rate_limit_tat", on: ["tat"] },
  ])

export default PortalRateLimit

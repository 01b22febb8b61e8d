import { model } from "@medusajs/framework/utils"

/**
 * A request made with an `Idempotency-Key` header, per caller (`scope`, e.g.
 * the customer): the first request with a key runs and its answer is kept;
 * the same key again replays that answer instead of running twice, while
 * the first is still running too. `fingerprint` is a hash of the request, so
 * a key reused for a different request is refused. A request that died
 * mid-way (`state` still `in_progress` long after `started_at`) can be taken
 * over by a retry.
 */
const IdempotencyKey = model
  .define("portal_idempotency_key", {
    id: model.id({ prefix: "pidem" }).primaryKey(),
    scope: model.text(),
    key: model.text(),
    fingerprint: model.text(),
    state: model.enum(["in_progress", "done"]).default("in_progress"),
    started_at: model.dateTime(),
    response_status: model.number().nullable(),
    response_body: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_portal_idempotency_key_unique", on: ["scope", "key"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_portal_idempotency_key_started", on: ["started_at"], where: "deleted_at IS NULL" },
  ])

export default IdempotencyKey

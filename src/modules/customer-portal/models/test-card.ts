import { model } from "@medusajs/framework/utils"

/**
 * A card of the test payment provider, made from one of the well-known test
 * numbers. Only what a real gateway would let a store see is kept: brand,
 * last four digits, expiry and a fingerprint (the same number gives the same
 * fingerprint) — never the number. `holder` is the account holder it was
 * saved to; a card not saved is used for one payment only. `behavior` is
 * what the test number stands for.
 */
const TestCard = model
  .define("test_card", {
    id: model.id({ prefix: "tcard" }).primaryKey(),
    holder: model.text().nullable(),
    brand: model.text(),
    last4: model.text(),
    exp_month: model.number(),
    exp_year: model.number(),
    fingerprint: model.text(),
    behavior: model.enum(["succeeds", "declined", "charge_fails", "insufficient_funds", "requires_action", "processing_error", "times_out"]),
    /** When the customer last completed the card's confirmation step (3-D Secure in real life). */
    confirmed_at: model.dateTime().nullable(),
  })
  .indexes([
    { name: "IDX_test_card_holder", on: ["holder", "created_at"], where: "holder IS NOT NULL AND deleted_at IS NULL" },
    // The purge: removed cards, and cards never saved to anyone.
    { name: "IDX_test_card_removed", on: ["deleted_at"], where: "deleted_at IS NOT NULL" },
    { name: "IDX_test_card_unsaved", on: ["created_at"], where: "holder IS NULL AND deleted_at IS NULL" },
  ])
  .checks([
    { name: "test_card_last4", expression: (c) => `${c.last4} ~ '^[0-9]{4}$'` },
    { name: "test_card_exp_month", expression: (c) => `${c.exp_month} BETWEEN 1 AND 12` },
  ])

export default TestCard

import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import { generateToken, hashToken } from "../../../lib/tokens"
import { CUSTOMER_PORTAL_MODULE } from ".."
import type CustomerPortalModuleService from "../service"
import { PURGE_TARGETS, type PurgeTarget } from "../services/purge"

jest.setTimeout(60_000)

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const now = new Date("2026-11-01T12:00:00Z")
const ago = (ms: number) => new Date(now.getTime() - ms)

moduleIntegrationTestRunner<CustomerPortalModuleService>({
  moduleName: CUSTOMER_PORTAL_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    let portalId: string
    const sql = (query: string, params: unknown[] = []) => MikroOrmWrapper.forkManager().execute(query, params) as Promise<any[]>
    const ids = async (table: string) => (await sql(`SELECT id FROM ${table} ORDER BY id`)).map((row) => row.id as string)

    /** Every batch of one target until one says none are left: the rows each statement deleted. */
    const drain = async (target: PurgeTarget, limit: number, at = now) => {
      const rounds: number[] = []
      let after: string | undefined
      for (;;) {
        const batch = await service.purgeExpired(target, { now: at, limit, after })
        rounds.push(batch.deleted)
        if (!batch.more) return rounds
        after = batch.after
      }
    }
    const deleted = async (batch: Promise<{ deleted: number }>) => (await batch).deleted
    const purgeAll = async (at = now) => {
      for (const target of PURGE_TARGETS) await drain(target, 1000, at)
    }

    beforeEach(async () => {
      portalId = (await service.ensurePortal({ name: "Acme" })).id
    })

    const link = (overrides: Record<string, unknown> = {}) =>
      service.createPortalLinks({
        portal_id: portalId,
        kind: "magic",
        mode: "test",
        customer_id: "cus_1",
        token_hash: hashToken(generateToken()),
        expires_at: new Date(now.getTime() + HOUR),
        ...overrides,
      } as any)
    const session = (overrides: Record<string, unknown> = {}) =>
      service.createPortalSessions({
        portal_id: portalId,
        customer_id: "cus_1",
        mode: "test",
        token_hash: hashToken(generateToken()),
        expires_at: new Date(now.getTime() + 12 * HOUR),
        last_seen_at: now,
        ...overrides,
      } as any)
    const card = async (overrides: Record<string, unknown> = {}) => {
      const { created_at, deleted_at, ...fields } = overrides
      const made = await service.createTestCards({ brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030, fingerprint: "f".repeat(32), behavior: "succeeds", ...fields } as any)
      if (created_at) await sql("UPDATE test_card SET created_at = ? WHERE id = ?", [created_at, made.id])
      // Removed as the provider removes a card (`detachCard`).
      if (deleted_at) await sql("UPDATE test_card SET deleted_at = ? WHERE id = ?", [deleted_at, made.id])
      return made.id
    }
    const subscriptionPaidWith = (cardId: string, status: "active" | "on_hold" | "cancelled") =>
      service.createSubscriptions({
        portal_id: portalId,
        mode: "test",
        customer_id: "cus_1",
        product_variant_id: "variant_1",
        plan_title: "Pro monthly",
        interval: "month",
        amount: 1999,
        currency_code: "usd",
        current_period_start: ago(DAY),
        current_period_end: new Date(now.getTime() + 29 * DAY),
        next_renewal_at: status === "active" ? new Date(now.getTime() + 29 * DAY) : null,
        on_hold_since: status === "on_hold" ? ago(HOUR) : null,
        ended_at: status === "cancelled" ? ago(HOUR) : null,
        status,
        payment_provider_id: "pp_test-card_test",
        payment_method_id: cardId,
      } as any)

    describe("batches", () => {
      it("deletes at most the batch size per statement: 5 drained buckets in batches of 2 take 3 statements, and live buckets stay", async () => {
        for (let i = 0; i < 5; i++) await service.consumeRateLimit({ key: `drained:${i}`, limit: 5, periodMs: MINUTE, now: ago(HOUR) })
        for (let i = 0; i < 3; i++) await service.consumeRateLimit({ key: `live:${i}`, limit: 5, periodMs: HOUR, now })
        expect(await drain("drained_rate_limits", 2)).toEqual([2, 2, 1])
        expect((await sql("SELECT key FROM portal_rate_limit ORDER BY key")).map((r) => r.key)).toEqual(["live:0", "live:1", "live:2"])
        // Nothing more to do: the next run's first statement comes back empty.
        expect(await drain("drained_rate_limits", 2)).toEqual([0])
      })

      it("skips a row a request holds instead of waiting for it, and takes it the next time", async () => {
        await service.consumeRateLimit({ key: "held", limit: 5, periodMs: MINUTE, now: ago(HOUR) })
        await service.consumeRateLimit({ key: "free", limit: 5, periodMs: MINUTE, now: ago(HOUR) })
        let purge: Promise<number> | undefined
        const first = await MikroOrmWrapper.forkManager().transactional(async (em) => {
          await em.execute("SELECT id FROM portal_rate_limit WHERE key = 'held' FOR UPDATE")
          purge = deleted(service.purgeExpired("drained_rate_limits", { now, limit: 10 }))
          // A purge that waited for the request would still be waiting here; the request then ends and frees it.
          return Promise.race([purge, new Promise((resolve) => setTimeout(() => resolve("waited for the request"), 3_000))])
        })
        await purge
        expect(first).toBe(1)
        expect(await deleted(service.purgeExpired("drained_rate_limits", { now, limit: 10 }))).toBe(1)
        expect(await ids("portal_rate_limit")).toEqual([])
      })

      it("refuses a batch size that is not a whole number of at least one row", async () => {
        await expect(service.purgeExpired("drained_rate_limits", { now, limit: 0 })).rejects.toThrow(/at least 1/)
        await expect(service.purgeExpired("drained_rate_limits", { now, limit: 1.5 })).rejects.toThrow(/whole number/)
      })
    })

    describe("rate-limit buckets", () => {
      it("keeps a bucket that still limits, and a purged drained bucket limits exactly as a new one", async () => {
        const rule = { key: "login:x", limit: 2, periodMs: 10 * MINUTE }
        await service.consumeRateLimit({ ...rule, now })
        await service.consumeRateLimit({ ...rule, now })
        expect((await service.consumeRateLimit({ ...rule, now })).allowed).toBe(false)
        await purgeAll(now)
        expect((await service.consumeRateLimit({ ...rule, now })).allowed).toBe(false)
        // Twenty minutes on the bucket is full again; two minutes after that it is purged, and the burst is whole.
        const later = new Date(now.getTime() + 22 * MINUTE)
        expect(await deleted(service.purgeExpired("drained_rate_limits", { now: later, limit: 10 }))).toBe(1)
        expect((await service.consumeRateLimit({ ...rule, now: later })).allowed).toBe(true)
        expect((await service.consumeRateLimit({ ...rule, now: later })).allowed).toBe(true)
        expect(await service.consumeRateLimit({ ...rule, now: later })).toEqual({ allowed: false, retryAfterSeconds: 300 })
      })

      it("keeps a bucket drained less than a minute ago (servers' clocks may differ)", async () => {
        await service.consumeRateLimit({ key: "recent", limit: 1, periodMs: MINUTE, now: ago(90_000) })
        expect(await deleted(service.purgeExpired("drained_rate_limits", { now, limit: 10 }))).toBe(0)
        expect(await deleted(service.purgeExpired("drained_rate_limits", { now: new Date(now.getTime() + 31_000), limit: 10 }))).toBe(1)
      })
    })

    describe("links", () => {
      it("deletes magic links an hour after they expire, are used or are revoked; keeps live ones and the static links", async () => {
        const expired = await link({ expires_at: ago(2 * HOUR) })
        const justExpired = await link({ expires_at: ago(30 * MINUTE) })
        const live = await link()
        const usedToken = generateToken()
        const used = await link({ token_hash: hashToken(usedToken), expires_at: new Date(now.getTime() + 30 * DAY) })
        expect(await service.consumeLink({ token_hash: hashToken(usedToken), purposes: ["sign_in"], now: ago(2 * HOUR) })).not.toBeNull()
        const justUsedToken = generateToken()
        const justUsed = await link({ token_hash: hashToken(justUsedToken), expires_at: new Date(now.getTime() + 30 * DAY) })
        expect(await service.consumeLink({ token_hash: hashToken(justUsedToken), purposes: ["sign_in"], now: ago(10 * MINUTE) })).not.toBeNull()
        const revoked = await link({ customer_id: "cus_revoked", expires_at: new Date(now.getTime() + 30 * DAY) })
        expect(await service.revokeAccess({ customer_ids: ["cus_revoked"], now: ago(3 * HOUR), sessions: false })).toEqual({ links: 1, sessions: 0 })
        const statics = (await service.listPortalLinks({ kind: "static" })).map((l) => l.id)

        expect(await drain("expired_links", 1)).toEqual([1, 0])
        expect(await drain("spent_links", 1)).toEqual([1, 1, 0])
        const left = await ids("portal_link")
        expect(left.sort()).toEqual([justExpired.id, live.id, justUsed.id, ...statics].sort())
        expect(left).not.toContain(expired.id)
        expect(left).not.toContain(used.id)
        expect(left).not.toContain(revoked.id)
      })

      it("keeps a used link that was given back (its use undone) while it has not expired", async () => {
        const token = generateToken()
        const given = await link({ token_hash: hashToken(token), expires_at: new Date(now.getTime() + DAY) })
        await service.consumeLink({ token_hash: hashToken(token), purposes: ["sign_in"], now: ago(2 * HOUR) })
        await service.releaseLink(given.id)
        await purgeAll()
        expect(await service.findUsableLink(hashToken(token), now)).toMatchObject({ id: given.id })
      })
    })

    describe("sessions", () => {
      it("deletes sessions an hour past their absolute expiry or their revocation; keeps live and just-ended ones", async () => {
        const expired = await session({ expires_at: ago(2 * HOUR), last_seen_at: ago(3 * HOUR) })
        const justExpired = await session({ expires_at: ago(30 * MINUTE), last_seen_at: ago(HOUR) })
        const revoked = await session({ revoked_at: ago(2 * HOUR) })
        const justRevoked = await session({ revoked_at: ago(5 * MINUTE) })
        const live = await session()
        expect(await drain("expired_sessions", 5)).toEqual([1])
        expect(await drain("revoked_sessions", 5)).toEqual([1])
        const left = await ids("portal_session")
        expect(left.sort()).toEqual([justExpired.id, justRevoked.id, live.id].sort())
        expect(left).not.toContain(expired.id)
        expect(left).not.toContain(revoked.id)
      })
    })

    describe("idempotency keys", () => {
      it("deletes a key once a retry with it would run again anyway (a day), plus an hour; keeps younger ones", async () => {
        const start = (key: string, at: Date) => service.startIdempotentRequest({ scope: "cus_1", key, fingerprint: "f", now: at, staleMs: 2 * MINUTE, ttlMs: DAY })
        const old = await start("old", ago(DAY + 2 * HOUR))
        const day = await start("a-day", ago(DAY + 30 * MINUTE))
        const recent = await start("recent", ago(HOUR))
        for (const started of [old, day, recent]) if (started.state === "run") await service.finishIdempotentRequest(started.id, { status: 200, body: { ok: true } })
        const running = await start("running", now)
        expect(running.state).toBe("run")
        expect(await drain("old_idempotency_keys", 10)).toEqual([1])
        expect((await sql("SELECT key FROM portal_idempotency_key ORDER BY key")).map((r) => r.key)).toEqual(["a-day", "recent", "running"])
        // The recent key still replays its answer.
        expect(await start("recent", now)).toEqual({ state: "done", status: 200, body: { ok: true } })
      })
    })

    describe("test cards", () => {
      it("deletes removed cards and cards never saved for a week; keeps saved ones, expired or not, and any a subscription that can still charge names", async () => {
        const removed = await card({ holder: "tcus_cus_1", deleted_at: ago(2 * HOUR) })
        const justRemoved = await card({ holder: "tcus_cus_1", deleted_at: ago(10 * MINUTE) })
        const removedButRenewing = await card({ holder: "tcus_cus_1", deleted_at: ago(2 * HOUR) })
        await subscriptionPaidWith(removedButRenewing, "active")
        const removedButOnHold = await card({ holder: "tcus_cus_1", deleted_at: ago(2 * HOUR) })
        await subscriptionPaidWith(removedButOnHold, "on_hold")
        const removedOfEnded = await card({ holder: "tcus_cus_1", deleted_at: ago(2 * HOUR) })
        await subscriptionPaidWith(removedOfEnded, "cancelled")
        const unsavedOld = await card({ created_at: ago(8 * DAY) })
        const unsavedRecent = await card({ created_at: ago(DAY) })
        const saved = await card({ holder: "tcus_cus_1", created_at: ago(400 * DAY) })
        const savedExpired = await card({ holder: "tcus_cus_1", exp_month: 1, exp_year: 2020, created_at: ago(400 * DAY) })

        expect(await drain("removed_test_cards", 1)).toEqual([1, 1, 0])
        expect(await drain("unsaved_test_cards", 1)).toEqual([1, 0])
        // No Customer Module table beside this module's: nobody's holder can be called gone.
        expect(await drain("orphaned_test_cards", 10)).toEqual([0])
        expect((await ids("test_card")).sort()).toEqual([justRemoved, removedButRenewing, removedButOnHold, unsavedRecent, saved, savedExpired].sort())
        expect(await ids("test_card")).not.toEqual(expect.arrayContaining([removed, removedOfEnded, unsavedOld]))
      })

      it("deletes the cards of a customer deleted more than an hour ago, unless a subscription that can still charge names one", async () => {
        // The Customer Module's table, as it is beside this module in a store's database.
        await sql("CREATE TABLE customer (id text PRIMARY KEY, deleted_at timestamptz NULL)")
        try {
          await sql("INSERT INTO customer (id, deleted_at) VALUES ('cus_gone', ?), ('cus_recent', ?), ('cus_live', NULL)", [ago(2 * HOUR), ago(10 * MINUTE)])
          const gone = await card({ holder: "tcus_cus_gone" })
          const goneButRenewing = await card({ holder: "tcus_cus_gone" })
          await subscriptionPaidWith(goneButRenewing, "active")
          const neverThere = await card({ holder: "tcus_cus_unknown" })
          const recent = await card({ holder: "tcus_cus_recent" })
          const live = await card({ holder: "tcus_cus_live" })
          const otherHolder = await card({ holder: "acct_elsewhere" })
          // Walked two saved cards per statement, in holder order: each statement deletes at most two.
          const rounds = await drain("orphaned_test_cards", 2)
          expect(rounds.reduce((sum, n) => sum + n, 0)).toBe(2)
          expect(rounds.length).toBeGreaterThanOrEqual(3)
          expect(rounds.every((n) => n <= 2)).toBe(true)
          expect((await ids("test_card")).sort()).toEqual([goneButRenewing, recent, live, otherHolder].sort())
          expect(await ids("test_card")).not.toEqual(expect.arrayContaining([gone, neverThere]))
        } finally {
          await sql("DROP TABLE customer")
        }
      })
    })

    it("never deletes the audit trail, nor anything live, however late the purge runs", async () => {
      await service.createPortalActivities([
        { portal_id: portalId, customer_id: "cus_1", action: "signed_in", actor_type: "customer", actor_id: "cus_1" },
        { portal_id: portalId, customer_id: "cus_1", action: "link_issued", actor_type: "admin", actor_id: "user_1" },
      ] as any)
      await sql("UPDATE portal_activity SET created_at = ?", [ago(3 * 365 * DAY)])
      await card({ holder: "tcus_cus_1" })
      await purgeAll(new Date(now.getTime() + 365 * DAY))
      expect(await ids("portal_activity")).toHaveLength(2)
      expect(await ids("test_card")).toHaveLength(1)
      expect(await service.listPortalLinks({ kind: "static" })).toHaveLength(2)
    })
  },
})

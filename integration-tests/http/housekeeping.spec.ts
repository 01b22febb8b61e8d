import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { deleteCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { setTimeout as sleep } from "node:timers/promises"
import purgeExpiredRowsJob from "../../src/jobs/purge-expired-rows"
import { clock } from "../../src/lib/clock"
import { PURGE_LOCK_KEY, purgeExpiredRows } from "../../src/lib/purge-expired-rows"
import { CUSTOMER_PORTAL_MODULE } from "../../src/modules/customer-portal"
import type CustomerPortalModuleService from "../../src/modules/customer-portal/service"
import { createAdminHeaders, createStoreHeaders, portalSession } from "../helpers/auth"
import { createDigitalCatalog } from "../helpers/catalog"
import { useOutbox } from "../helpers/outbox"
import { subscribeWithCard } from "../helpers/subscriptions"
import { testCard } from "../helpers/test-cards"
import { waitFor } from "../helpers/wait"

jest.setTimeout(180_000)

// The sign-in email of the login request goes to a folder of this suite.
useOutbox()

const HOUR = 3_600_000
const DAY = 24 * HOUR
const GOOD = "4242 4242 4242 4242"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    let catalog: Awaited<ReturnType<typeof createDigitalCatalog>>
    let layla: { id: string; email: string }
    let sam: { id: string; email: string }
    const service = () => getContainer().resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
    const rows = async (table: string) => (await dbConnection.raw(`SELECT * FROM ${table}`)).rows as any[]
    const count = async (table: string) => (await rows(table)).length

    beforeEach(async () => {
      jest.restoreAllMocks()
      const container = getContainer()
      admin = await createAdminHeaders(container)
      store = await createStoreHeaders(container)
      catalog = await createDigitalCatalog(container, 20)
      const [a, b] = await container.resolve(Modules.CUSTOMER).createCustomers([
        { email: "layla@example.com", first_name: "Layla", has_account: true },
        { email: "sam@example.com", first_name: "Sam", has_account: true },
      ])
      layla = { id: a.id, email: a.email }
      sam = { id: b.id, email: b.email }
      expect((await api.post("/admin/customer-portal/plans", { product_variant_id: catalog.variant.id, interval: "month", interval_count: 1 }, admin)).status).toBe(201)
    })

    afterEach(() => jest.restoreAllMocks())

    it("the job deletes what a week of use leaves behind and keeps what is live, the audit trail and every card a subscription renews with", async () => {
      const businessId = (await api.get("/admin/customer-portal", admin)).data.customer_portal.business_id
      // Layla subscribes with a card, signs in twice and signs out once, and asks for a sign-in link.
      const { sub: laylaSub } = await subscribeWithCard(getContainer(), { catalog, customer: layla, cardId: await testCard(api, store, GOOD) })
      const live = await portalSession(api, admin, store, layla.id)
      const ended = await portalSession(api, admin, store, layla.id)
      expect((await api.delete("/store/portal/sessions/current", { headers: { ...store.headers, authorization: `Bearer ${ended}` } })).status).toBe(200)
      expect((await api.post("/store/portal/login-requests", { business_id: businessId, email: layla.email }, store)).status).toBe(202)
      await service().startIdempotentRequest({ scope: layla.id, key: "retry-1", fingerprint: "f", now: clock.now(), staleMs: 120_000, ttlMs: DAY })
      // Sam subscribes twice, ends one subscription, and his customer record is deleted.
      const { sub: samRenewing } = await subscribeWithCard(getContainer(), { catalog, customer: sam, cardId: await testCard(api, store, GOOD) })
      const { sub: samEnded } = await subscribeWithCard(getContainer(), { catalog, customer: sam, cardId: await testCard(api, store, GOOD) })
      await service().transitionSubscription(samEnded.id, "cancelled", { ended_at: clock.now(), cancelled_at: clock.now(), next_renewal_at: null })
      await deleteCustomersWorkflow(getContainer()).run({ input: { ids: [sam.id] } })
      // A card typed at a checkout that was never completed.
      const abandoned = await testCard(api, store, GOOD)

      expect(await count("portal_session")).toBe(2)
      expect(await count("portal_rate_limit")).toBeGreaterThan(0)
      // Two links the admin handed out (used), and the one the login request emails (its subscriber makes it).
      await waitFor(() => rows("portal_link"), (links) => links.filter((l) => l.kind === "magic").length === 3, 15_000, "the emailed link")
      const activity = await count("portal_activity")
      expect(activity).toBeGreaterThan(0)

      // A week and a day later.
      const later = new Date(Date.now() + 8 * DAY)
      jest.spyOn(clock, "now").mockImplementation(() => later)
      const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER)
      const info = jest.spyOn(logger, "info")
      await purgeExpiredRowsJob(getContainer())

      expect((await rows("portal_link")).map((l) => l.kind)).toEqual(["static", "static"])
      expect(await count("portal_session")).toBe(0)
      expect(await count("portal_rate_limit")).toBe(0)
      expect(await count("portal_idempotency_key")).toBe(0)
      expect(await count("portal_activity")).toBe(activity)
      const cards = (await rows("test_card")).map((c) => c.id).sort()
      expect(cards).toEqual([laylaSub.payment_method_id, samRenewing.payment_method_id].sort())
      expect(cards).not.toContain(samEnded.payment_method_id)
      expect(cards).not.toContain(abandoned)

      const said = info.mock.calls.map(([message]) => String(message)).filter((m) => m.includes("purged"))
      expect(said).toEqual([expect.stringMatching(/purged 3 sign-in link\(s\), 2 session\(s\), \d+ rate-limit bucket\(s\), 1 idempotency key\(s\) and 2 test card\(s\) in \d+\.\d s\.$/)])
      for (const secret of [live, ended]) expect(said[0]).not.toContain(secret)
      // The live subscriptions renew with their cards as before.
      expect(await service().retrieveSubscription(samRenewing.id)).toMatchObject({ status: "active", payment_method_id: samRenewing.payment_method_id })
    })

    it("does nothing while another server holds the purge's lock, takes over a lease that ran out, and of two runs at once one purges", async () => {
      const drained = () => service().consumeRateLimit({ key: `test:drained:${Math.random()}`, limit: 1, periodMs: 1_000, now: new Date(Date.now() - HOUR) })
      await drained()
      const locking = getContainer().resolve(Modules.LOCKING)
      await locking.acquire(PURGE_LOCK_KEY, { ownerId: "another-server", expire: 60 })
      expect(await purgeExpiredRows(getContainer())).toMatchObject({ skipped: true, batches: 0 })
      expect(await count("portal_rate_limit")).toBe(1)
      await locking.release(PURGE_LOCK_KEY, { ownerId: "another-server" })

      // A server that stopped mid-run leaves its lock behind until the lease runs out.
      await locking.acquire(PURGE_LOCK_KEY, { ownerId: "stopped-server", expire: 1 })
      await sleep(1_500)
      expect(await purgeExpiredRows(getContainer())).toMatchObject({ skipped: false, complete: true, purged: { rate_limits: 1 } })
      expect(await count("portal_rate_limit")).toBe(0)

      for (let i = 0; i < 3; i++) await drained()
      const runs = await Promise.all([purgeExpiredRows(getContainer()), purgeExpiredRows(getContainer())])
      expect(runs.map((r) => r.skipped).sort()).toEqual([false, true])
      expect(runs.find((r) => !r.skipped)!.purged.rate_limits).toBe(3)
      // The lock is free again for the next run.
      expect(await purgeExpiredRows(getContainer())).toMatchObject({ skipped: false })
    })
  },
})

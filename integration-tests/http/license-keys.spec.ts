import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { placeOrder } from "../../scripts/fixtures/commerce"
import { clock } from "../../src/lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../src/modules/customer-portal"
import type CustomerPortalModuleService from "../../src/modules/customer-portal/service"
import { issueOrderLicenseKeysWorkflow } from "../../src/workflows/issue-order-license-keys"
import { createAdminHeaders, createStoreHeaders, portalSession } from "../helpers/auth"
import { testCard } from "../helpers/test-cards"
import { createDigitalCatalog } from "../helpers/catalog"
import { waitFor } from "../helpers/wait"

jest.setTimeout(240_000)

const PROVIDER = "pp_test-card_test"
const DAY = 86_400_000
const KEY = /^ACME(-[0-9A-HJKMNP-TV-Z]{5}){4}$/

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    let catalog: Awaited<ReturnType<typeof createDigitalCatalog>>
    const customers: Record<string, { id: string; token: string }> = {}
    const service = () => getContainer().resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
    const as = (who: string) => ({ headers: { ...store.headers, authorization: `Bearer ${customers[who].token}` } })
    const portal = (who: string, method: "get" | "post" | "delete", path: string) =>
      (method === "post" ? api.post(path, {}, as(who)) : api[method](path, as(who))).catch((e: any) => e.response)
    // Keys bought with the test card are test keys: the license API calls them valid only when asked about test keys.
    const license = (action: "validate" | "activate" | "deactivate", body: unknown, headers: Record<string, string> = {}) =>
      api
        .post(`/licenses/${action}`, body && typeof body === "object" && !("mode" in body) ? { mode: "test", ...body } : body, { headers })
        .catch((e: any) => e.response)
    const card = (number = "4242 4242 4242 4242") => testCard(api, store, number)
    const buy = async (who: string, quantity = 1) => {
      const order = await placeOrder(getContainer(), {
        region_id: catalog.region.id,
        sales_channel_id: catalog.salesChannel.id,
        email: who,
        customer_id: customers[who].id,
        items: [{ variant_id: catalog.variant.id, quantity }],
        provider_id: PROVIDER,
        payment_data: { payment_method_id: await card(), save_payment_method: true },
      })
      const keys = await waitFor(
        () => service().listLicenseKeys({ order_id: order.id }, { order: { line_unit: "ASC" } }),
        (list) => list.length === quantity
      )
      return { order, keys }
    }
    const licensePlan = (terms: Record<string, unknown> = {}) =>
      api.post("/admin/customer-portal/license-plans", { product_variant_id: catalog.variant.id, activation_limit: 3, validity_days: 365, key_prefix: "acme", ...terms }, admin)

    beforeEach(async () => {
      jest.restoreAllMocks()
      const container = getContainer()
      admin = await createAdminHeaders(container)
      store = await createStoreHeaders(container)
      catalog = await createDigitalCatalog(container, 49)
      for (const email of ["layla@example.com", "other@example.com"]) {
        const [customer] = await container.resolve(Modules.CUSTOMER).createCustomers([{ email, has_account: true }])
        customers[email] = { id: customer.id, token: await portalSession(api, admin, store, customer.id) }
      }
    })

    describe("license plans and issuing", () => {
      it("an order of a license-keyed variant gets one key per unit, with the plan's terms, once", async () => {
        const created = await licensePlan()
        expect(created.status).toBe(201)
        expect(created.data.license_plan).toMatchObject({ activation_limit: 3, validity_days: 365, key_prefix: "ACME" })
        const { order, keys } = await buy("layla@example.com", 2)
        expect(keys).toHaveLength(2)
        expect(new Set(keys.map((k) => k.key)).size).toBe(2)
        for (const key of keys) {
          expect(key.key).toMatch(KEY)
          expect(key).toMatchObject({ status: "active", customer_id: customers["layla@example.com"].id, activation_limit: 3, product_title: "Desktop app · 1 seat", subscription_id: null })
          const placed = await getContainer().resolve(Modules.ORDER).retrieveOrder(order.id)
          expect(new Date(key.expires_at!).getTime()).toBe(new Date(placed.created_at).getTime() + 365 * DAY)
        }
        // Run again (an event delivered twice): nothing new.
        const { result } = await issueOrderLicenseKeysWorkflow(getContainer()).run({ input: { order_id: order.id } })
        expect(result.issued).toEqual([])
        expect(await service().listLicenseKeys({ order_id: order.id })).toHaveLength(2)
      })

      it("unlimited and lifetime terms; an update applies to later orders only; refuses bad terms", async () => {
        await licensePlan()
        const first = await buy("layla@example.com")
        const changed = await licensePlan({ activation_limit: null, validity_days: null, key_prefix: null })
        expect(changed.status).toBe(200)
        const { keys } = await buy("layla@example.com")
        expect(keys[0]).toMatchObject({ activation_limit: null, expires_at: null })
        expect(keys[0].key).toMatch(/^([0-9A-Z]{5}-){3}[0-9A-Z]{5}$/)
        expect((await service().retrieveLicenseKey(first.keys[0].id)).activation_limit).toBe(3)
        for (const bad of [{ activation_limit: 0 }, { validity_days: -1 }, { key_prefix: "no spaces" }, { metadata: {} }]) {
          const res = await licensePlan(bad).catch((e: any) => e.response)
          expect(res.status).toBe(400)
        }
      })

      it("a key of a subscription's line lives with it: disabled on hold, enabled when active, expired when it ends", async () => {
        await licensePlan()
        expect((await api.post("/admin/customer-portal/plans", { product_variant_id: catalog.variant.id, interval: "month" }, admin)).status).toBe(201)
        const { keys } = await buy("layla@example.com")
        const [sub] = await service().listSubscriptions({ customer_id: customers["layla@example.com"].id })
        expect(keys[0]).toMatchObject({ subscription_id: sub.id, expires_at: null, status: "active" })
        const key = keys[0].key

        await service().transitionSubscription(sub.id, "on_hold", { on_hold_since: clock.now(), next_renewal_at: null })
        expect(await service().retrieveLicenseKey(keys[0].id)).toMatchObject({ status: "disabled" })
        const disabled = await license("validate", { key })
        expect(disabled.data).toMatchObject({ valid: false, code: "disabled" })
        expect((await license("activate", { key, instance_name: "laptop" })).data).toMatchObject({ code: "disabled" })

        await service().transitionSubscription(sub.id, "active", { on_hold_since: null })
        expect(await service().retrieveLicenseKey(keys[0].id)).toMatchObject({ status: "active", disabled_at: null })
        expect((await license("validate", { key })).data.valid).toBe(true)

        await service().transitionSubscription(sub.id, "cancelled", { ended_at: clock.now(), next_renewal_at: null })
        const ended = await service().retrieveLicenseKey(keys[0].id)
        expect(ended.status).toBe("expired")
        expect(ended.expires_at).not.toBeNull()
        expect((await license("validate", { key })).data).toMatchObject({ valid: false, code: "expired" })
      })
      it("a revoked key of a subscription enabled again takes the subscription's state: disabled on hold, expired once ended", async () => {
        await licensePlan()
        expect((await api.post("/admin/customer-portal/plans", { product_variant_id: catalog.variant.id, interval: "month" }, admin)).status).toBe(201)
        const { keys } = await buy("layla@example.com")
        const [sub] = await service().listSubscriptions({ customer_id: customers["layla@example.com"].id })
        const revoke = () => api.post(`/admin/customer-portal/license-keys/${keys[0].id}/revoke`, {}, admin)
        const enable = () => api.post(`/admin/customer-portal/license-keys/${keys[0].id}/enable`, {}, admin)

        await revoke()
        await service().transitionSubscription(sub.id, "on_hold", { on_hold_since: clock.now(), next_renewal_at: null })
        // Revoked stays revoked while the subscription moves.
        expect(await service().retrieveLicenseKey(keys[0].id)).toMatchObject({ status: "revoked" })
        const onHold = (await enable()).data.license_key
        expect(onHold).toMatchObject({ status: "disabled", revoked_at: null })
        expect(onHold.disabled_at).not.toBeNull()

        await revoke()
        await service().transitionSubscription(sub.id, "cancelled", { ended_at: clock.now(), on_hold_since: null })
        const ended = (await enable()).data.license_key
        expect(ended).toMatchObject({ status: "expired", revoked_at: null })
        expect(ended.expires_at).not.toBeNull()
        expect((await license("validate", { key: keys[0].key })).data).toMatchObject({ valid: false, code: "expired" })
      })
    })

    describe("in the portal (P5)", () => {
      it("lists the customer's keys masked, reveals one on request, and another customer's key is a 404", async () => {
        await licensePlan()
        const { keys } = await buy("layla@example.com", 2)
        const list = await portal("layla@example.com", "get", "/store/portal/license-keys")
        expect(list.status).toBe(200)
        expect(list.data.count).toBe(2)
        for (const item of list.data.license_keys) {
          // All but the last four characters hidden, the dashes kept.
          expect(item.masked_key).toMatch(/^••••(-•••••){3}-•[0-9A-Z]{4}$/)
          expect(item.masked_key.slice(-4)).toBe(keys.find((k) => k.id === item.id)!.key.slice(-4))
          expect(item).toMatchObject({ product_title: "Desktop app · 1 seat", status: "active", activation_limit: 3, activations_used: 0 })
        }
        expect(JSON.stringify(list.data)).not.toContain(keys[0].key)
        expect(JSON.stringify(list.data)).not.toMatch(/cus_|order_/)
        const revealed = await portal("layla@example.com", "post", `/store/portal/license-keys/${keys[0].id}/reveal`)
        expect(revealed.status).toBe(200)
        expect(revealed.data.key).toBe(keys[0].key)
        expect(revealed.headers["cache-control"]).toBe("no-store")

        expect((await portal("other@example.com", "get", "/store/portal/license-keys")).data.count).toBe(0)
        for (const [method, path] of [
          ["get", `/store/portal/license-keys/${keys[0].id}`],
          ["post", `/store/portal/license-keys/${keys[0].id}/reveal`],
          ["delete", `/store/portal/license-keys/${keys[0].id}/activations/lact_x`],
        ] as const) {
          const res = await portal("other@example.com", method, path)
          expect(res.status).toBe(404)
          expect(res.data.message).toBe("There is no such license key in your account.")
        }
      })

      it("shows the activations and lets the customer free one, when the store allows it", async () => {
        await licensePlan()
        const { keys } = await buy("layla@example.com")
        const key = keys[0].key
        expect((await license("activate", { key, instance_name: "Old laptop" })).status).toBe(201)
        expect((await license("activate", { key, instance_name: "Studio iMac" })).status).toBe(201)
        const detail = await portal("layla@example.com", "get", `/store/portal/license-keys/${keys[0].id}`)
        expect(detail.data.license_key).toMatchObject({ activations_used: 2, can_deactivate: true })
        expect(detail.data.license_key.activations.map((a: any) => a.name)).toEqual(["Old laptop", "Studio iMac"])
        const old = detail.data.license_key.activations[0].id

        await api.post("/admin/customer-portal", { allow_license_deactivation: false }, admin)
        const refused = await portal("layla@example.com", "delete", `/store/portal/license-keys/${keys[0].id}/activations/${old}`)
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/Contact the store/)
        expect(refused.data.code).toBe("license_deactivation_not_allowed")
        await api.post("/admin/customer-portal", { allow_license_deactivation: true }, admin)

        const freed = await portal("layla@example.com", "delete", `/store/portal/license-keys/${keys[0].id}/activations/${old}`)
        expect(freed.status).toBe(200)
        expect((await portal("layla@example.com", "delete", `/store/portal/license-keys/${keys[0].id}/activations/${old}`)).status).toBe(404)
        const after = await portal("layla@example.com", "get", `/store/portal/license-keys/${keys[0].id}`)
        expect(after.data.license_key.activations.map((a: any) => a.name)).toEqual(["Studio iMac"])
        expect((await license("validate", { key, instance_name: "Old laptop" })).data).toMatchObject({ valid: false, code: "not_activated" })
      })

      it("needs a session", async () => {
        expect((await api.get("/store/portal/license-keys", store).catch((e: any) => e.response)).status).toBe(401)
      })
    })

    describe("in the admin", () => {
      it("finds keys by key or customer email, shows activations, revokes and re-enables", async () => {
        await licensePlan()
        const { keys } = await buy("layla@example.com")
        await buy("other@example.com")
        await license("activate", { key: keys[0].key, instance_name: "laptop" })
        const byEmail = await api.get("/admin/customer-portal/license-keys?q=layla@", admin)
        expect(byEmail.data.license_keys.map((k: any) => k.id)).toEqual([keys[0].id])
        expect(byEmail.data.license_keys[0]).toMatchObject({ key: keys[0].key, customer_email: "layla@example.com", activations_used: 1 })
        const byKey = await api.get(`/admin/customer-portal/license-keys?q=${keys[0].key.slice(0, 11).toLowerCase()}`, admin)
        expect(byKey.data.license_keys.map((k: any) => k.id)).toEqual([keys[0].id])
        expect((await api.get("/admin/customer-portal/license-keys", admin)).data.count).toBe(2)
        expect((await api.get("/admin/customer-portal/license-keys?status=revoked", admin)).data.count).toBe(0)
        const detail = await api.get(`/admin/customer-portal/license-keys/${keys[0].id}`, admin)
        expect(detail.data.license_key.activations).toMatchObject([{ name: "laptop", deactivated_at: null }])

        const revoked = await api.post(`/admin/customer-portal/license-keys/${keys[0].id}/revoke`, {}, admin)
        expect(revoked.data.license_key.status).toBe("revoked")
        expect((await license("validate", { key: keys[0].key })).data).toMatchObject({ valid: false, code: "revoked" })
        expect((await api.post(`/admin/customer-portal/license-keys/${keys[0].id}/revoke`, {}, admin).catch((e: any) => e.response)).status).toBe(400)
        const enabled = await api.post(`/admin/customer-portal/license-keys/${keys[0].id}/enable`, {}, admin)
        expect(enabled.data.license_key.status).toBe("active")
        expect((await license("validate", { key: keys[0].key })).data.valid).toBe(true)
        // Both are in the customer's trail, by the store's admin user.
        const trail = await service().listPortalActivities({ customer_id: customers["layla@example.com"].id, action: ["license_keys_revoked", "license_keys_restored"] } as any, {
          order: { created_at: "ASC" },
        })
        expect(trail.map((row) => [row.action, row.actor_type])).toEqual([
          ["license_keys_revoked", "admin"],
          ["license_keys_restored", "admin"],
        ])
        expect(await service().retrieveLicenseKey(keys[0].id)).toMatchObject({ status: "active", revoked_reason: null })
        expect((await api.get("/admin/customer-portal/license-keys/lkey_missing", admin).catch((e: any) => e.response)).status).toBe(404)
      })
    })

    describe("import from a CSV", () => {
      const importCsv = (csv: string, dry_run = false) =>
        api.post("/admin/customer-portal/license-keys/import", { csv, dry_run }, admin).catch((e: any) => e.response)

      it("checks first, then imports each key to the customer with that email; problems are reported by line; a second run skips", async () => {
        const csv = [
          "key,email,product_title,activation_limit,expires_at,status",
          "OLD-7K2QD-M9X4T-0PZ3R,layla@example.com,Legacy app,2,2030-01-31,",
          '"OLD-HV8WN-3CJ6Y-TB1QF",OTHER@example.com,"Legacy app, Pro",,,revoked',
          "bad key,layla@example.com,Legacy app,,,",
          "OLD-5RMXA-W2KDP-9GZ7E,nobody@example.com,Legacy app,,,",
          "OLD-QN4VT-8JHC3-XF6MB,layla@example.com,Legacy app,zero,,",
          "OLD-7K2QD-M9X4T-0PZ3R,layla@example.com,Legacy app,,,",
        ].join("\r\n")
        const check = await importCsv(csv, true)
        expect(check.status).toBe(200)
        expect(check.data).toMatchObject({ imported: 2, skipped: 0, dry_run: true })
        expect(check.data.errors.map((e: any) => e.line)).toEqual([4, 5, 6, 7])
        expect(check.data.errors[1].message).toBe("No customer has the email nobody@example.com: add the customer first.")
        expect(await service().listLicenseKeys({ key: ["OLD-7K2QD-M9X4T-0PZ3R"] })).toHaveLength(0)

        const done = await importCsv(csv)
        expect(done.data).toMatchObject({ imported: 2, skipped: 0, dry_run: false })
        const [layla] = await service().listLicenseKeys({ key: "OLD-7K2QD-M9X4T-0PZ3R" })
        expect(layla).toMatchObject({ customer_id: customers["layla@example.com"].id, product_title: "Legacy app", activation_limit: 2, status: "active" })
        expect(new Date(layla.expires_at!).toISOString()).toBe("2030-01-31T00:00:00.000Z")
        const [other] = await service().listLicenseKeys({ key: "OLD-HV8WN-3CJ6Y-TB1QF" })
        expect(other).toMatchObject({ customer_id: customers["other@example.com"].id, product_title: "Legacy app, Pro", status: "revoked", activation_limit: null })
        // Imported keys work with the license API and show in the portal.
        // Imported keys are live unless the import says test.
        expect(layla.mode).toBe("live")
        expect((await license("activate", { key: "OLD-7K2QD-M9X4T-0PZ3R", instance_name: "pc", mode: "live" })).status).toBe(201)
        // A live key shows in a live session, not in a test one.
        expect((await portal("layla@example.com", "get", "/store/portal/license-keys")).data.count).toBe(0)
        const { link } = (await api.post(`/admin/customers/${customers["layla@example.com"].id}/portal-sessions`, { mode: "live" }, admin)).data.portal_session
        const live = (await api.post("/store/portal/sessions", { token: link.split(/[/#=]/).pop() }, store)).data.session_token
        const liveKeys = await api.get("/store/portal/license-keys", { headers: { ...store.headers, authorization: `Bearer ${live}` } })
        expect(liveKeys.data.license_keys.map((k: any) => k.product_title)).toEqual(["Legacy app"])

        expect((await importCsv(csv)).data).toMatchObject({ imported: 0, skipped: 2 })
      })

      it("imports test keys when asked, and refuses keys that are easy to guess", async () => {
        const csv = [
          "key,email,product_title",
          "TST-7K2QD-M9X4T-0PZ3R,layla@example.com,Legacy app",
          "ACME-2024-0000-0001,layla@example.com,Legacy app",
          "AAAA-BBBB-AAAA-BBBB-AAAA,layla@example.com,Legacy app",
        ].join("\n")
        const done = await api.post("/admin/customer-portal/license-keys/import", { csv, mode: "test" }, admin).catch((e: any) => e.response)
        expect(done.data).toMatchObject({ imported: 1, dry_run: false })
        expect(done.data.errors.map((e: any) => e.line)).toEqual([3, 4])
        expect(done.data.errors[0].message).toMatch(/^The key is too easy to guess: about \d+ bits, at least 64 are needed/)
        expect(done.data.errors[1].message).toMatch(/fewer than 8 different characters/)
        const [imported] = await service().listLicenseKeys({ key: "TST-7K2QD-M9X4T-0PZ3R" })
        expect(imported.mode).toBe("test")
        expect(await service().listLicenseKeys({ key: ["ACME-2024-0000-0001", "AAAA-BBBB-AAAA-BBBB-AAAA"] })).toHaveLength(0)
        expect((await api.post("/admin/customer-portal/license-keys/import", { csv, mode: "sandbox" }, admin).catch((e: any) => e.response)).status).toBe(400)
      })

      it("refuses a file without the needed columns, an empty one, or extra fields", async () => {
        expect((await importCsv("key,email\nA,b")).data.message).toMatch(/lacks product_title/)
        expect((await importCsv("")).status).toBe(400)
        expect((await api.post("/admin/customer-portal/license-keys/import", { csv: "x", customer_id: "c" }, admin).catch((e: any) => e.response)).status).toBe(400)
        expect((await api.post("/admin/customer-portal/license-keys/import", { csv: "key,email,product_title" }, store).catch((e: any) => e.response)).status).toBe(401)
      })
    })

    describe("license API", () => {
      it("validates, activates (the same instance twice is one activation), deactivates, and says nothing about the buyer", async () => {
        await licensePlan()
        const { keys } = await buy("layla@example.com")
        const key = keys[0].key
        const valid = await license("validate", { key: key.toLowerCase() })
        expect(valid.status).toBe(200)
        expect(valid.data).toMatchObject({ valid: true, license_key: { status: "active", activation_limit: 3, activations_used: 0, product_title: "Desktop app · 1 seat" }, instance: null })
        const first = await license("activate", { key, instance_name: "build-server" })
        expect(first.status).toBe(201)
        expect(first.data).toMatchObject({ license_key: { activations_used: 1 }, instance: { name: "build-server" } })
        const again = await license("activate", { key, instance_name: "build-server" })
        expect(again.status).toBe(200)
        expect(again.data.instance.id).toBe(first.data.instance.id)
        expect((await license("validate", { key, instance_name: "build-server" })).data).toMatchObject({ valid: true, instance: { name: "build-server" } })
        for (const res of [valid, first, again]) expect(JSON.stringify(res.data)).not.toMatch(/layla|cus_|order_|lkey_/)
        const off = await license("deactivate", { key, instance_name: "build-server" })
        expect(off.status).toBe(200)
        expect(off.data.license_key.activations_used).toBe(0)
        expect((await license("deactivate", { key, instance_name: "build-server" })).status).toBe(404)
      })

      it("twenty activations at once against a limit of three: exactly three succeed", async () => {
        await licensePlan({ activation_limit: 3 })
        const { keys } = await buy("layla@example.com")
        const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => license("activate", { key: keys[0].key, instance_name: `machine-${i}` })))
        expect(answers.filter((a) => a.status === 201)).toHaveLength(3)
        const refused = answers.filter((a) => a.status === 400)
        expect(refused).toHaveLength(17)
        expect(refused[0].data).toMatchObject({ code: "activation_limit_reached", message: "This license key is already active on 3 of 3 instances. Deactivate one to use it here." })
        expect((await service().countActivations([keys[0].id])).get(keys[0].id)).toBe(3)
      })

      it("a wrong key is a 404, a malformed one a 400, a revoked or expired one is refused", async () => {
        await licensePlan({ validity_days: 30 })
        const { keys } = await buy("layla@example.com")
        const unknown = await license("validate", { key: "ACME-00000-00000-00000-00000" })
        expect(unknown.status).toBe(404)
        expect(unknown.data.message).toBe("There is no such license key.")
        expect((await license("activate", { key: "ACME-00000-00000-00000-00000", instance_name: "x" })).status).toBe(404)
        for (const body of [{ key: "not a key" }, {}, { key: keys[0].key, extra: 1 }, { key: keys[0].key, instance_name: "x".repeat(201) }]) {
          expect((await license("validate", body)).status).toBe(400)
        }
        expect((await license("deactivate", { key: keys[0].key })).status).toBe(400)

        await service().updateLicenseKeys({ id: keys[0].id, status: "revoked", revoked_at: new Date() })
        expect((await license("validate", { key: keys[0].key })).data).toMatchObject({ valid: false, code: "revoked" })
        await service().updateLicenseKeys({ id: keys[0].id, status: "active", revoked_at: null })

        // Past its validity (the clock moves on; rate limits move with it, so this comes last).
        jest.spyOn(clock, "now").mockImplementation(() => new Date(Date.now() + 31 * DAY))
        expect((await license("validate", { key: keys[0].key })).data).toMatchObject({ valid: false, code: "expired" })
        expect((await license("activate", { key: keys[0].key, instance_name: "x" })).status).toBe(400)
      })

      it("is rate limited per address", async () => {
        await licensePlan()
        const { keys } = await buy("layla@example.com")
        const statuses: number[] = []
        for (let i = 0; i < 130; i++) statuses.push((await license("validate", { key: keys[0].key }, { "x-forwarded-for": "203.0.113.7" })).status)
        // A burst of 120; after it, about one a second (the allowance refills while the loop runs).
        expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true)
        expect(statuses.slice(120)).toContain(429)
        // Another address has its own allowance.
        expect((await license("validate", { key: keys[0].key }, { "x-forwarded-for": "203.0.113.8" })).status).toBe(200)
      })

      it("look-ups of keys that do not exist share one budget across addresses; once spent everyone waits", async () => {
        await licensePlan()
        const { keys } = await buy("layla@example.com")
        const statuses: number[] = []
        // A guesser spread over many addresses, each well inside its own allowance.
        for (let i = 0; i < 110; i++) {
          const guess = `ACME-${String(i).padStart(5, "0")}-7K2QD-M9X4T-0PZ3R`
          statuses.push((await license("validate", { key: guess }, { "x-forwarded-for": `198.51.100.${i}` })).status)
        }
        expect(statuses.slice(0, 100).every((s) => s === 404)).toBe(true)
        expect(statuses.slice(100).every((s) => s === 429)).toBe(true)
        // While the budget is spent, a real key from a fresh address is not told apart from a guess.
        const paused = await license("validate", { key: keys[0].key }, { "x-forwarded-for": "192.0.2.200" })
        expect(paused.status).toBe(429)
        expect(paused.data).toMatchObject({ code: "too_many_unknown_keys" })
        expect(Number(paused.headers["retry-after"])).toBeGreaterThan(0)
        // Room comes back with time.
        jest.spyOn(clock, "now").mockImplementation(() => new Date(Date.now() + 60_000))
        expect((await license("validate", { key: keys[0].key }, { "x-forwarded-for": "192.0.2.200" })).status).toBe(200)
      })

      it("a key can be deactivated three times a day; a wrong instance costs nothing", async () => {
        await licensePlan()
        const { keys } = await buy("layla@example.com")
        const key = keys[0].key
        for (let i = 0; i < 5; i++) expect((await license("deactivate", { key, instance_name: "never-activated" })).status).toBe(404)
        for (let i = 0; i < 3; i++) {
          expect((await license("activate", { key, instance_name: `machine-${i}` })).status).toBe(201)
          expect((await license("deactivate", { key, instance_name: `machine-${i}` })).status).toBe(200)
        }
        expect((await license("activate", { key, instance_name: "machine-3" })).status).toBe(201)
        const refused = await license("deactivate", { key, instance_name: "machine-3" })
        expect(refused.status).toBe(429)
        expect(refused.data.code).toBe("deactivation_limit_reached")
        expect(refused.data.message).toMatch(/^This license key can be deactivated 3 times in 24 hours, and that is used up\. Try again in \d+ hours?\.$/)
        expect(Number(refused.headers["retry-after"])).toBeGreaterThan(3600)
        // Nothing changed: the activation is still there.
        expect((await license("validate", { key, instance_name: "machine-3" })).data).toMatchObject({ valid: true })
        jest.spyOn(clock, "now").mockImplementation(() => new Date(Date.now() + 9 * 3_600_000))
        expect((await license("deactivate", { key, instance_name: "machine-3" })).status).toBe(200)
      })

      it("a test key is not valid to a caller asking about live keys, nor a live key to one asking about test keys", async () => {
        await licensePlan()
        const { keys } = await buy("layla@example.com")
        const key = keys[0].key
        expect(keys[0].mode).toBe("test")
        for (const body of [{ key }, { key, mode: "live" }]) {
          const asked = await api.post("/licenses/validate", body).catch((e: any) => e.response)
          expect(asked.status).toBe(200)
          expect(asked.data).toMatchObject({ valid: false, code: "test_key", license_key: { mode: "test" } })
        }
        const activate = await api.post("/licenses/activate", { key, instance_name: "prod-server" }).catch((e: any) => e.response)
        expect(activate.status).toBe(400)
        expect(activate.data.code).toBe("test_key")
        expect((await service().countActivations([keys[0].id])).get(keys[0].id) ?? 0).toBe(0)
        expect((await license("validate", { key, mode: "test" })).data).toMatchObject({ valid: true })

        await service().updateLicenseKeys({ id: keys[0].id, mode: "live" })
        expect((await license("validate", { key, mode: "test" })).data).toMatchObject({ valid: false, code: "live_key" })
        expect((await api.post("/licenses/validate", { key })).data).toMatchObject({ valid: true })
        expect((await api.post("/licenses/validate", { key, mode: "staging" }).catch((e: any) => e.response)).status).toBe(400)
        // Deactivating asks about a mode too: a live key's activation is not freed by a caller asking about test keys.
        expect((await api.post("/licenses/activate", { key, instance_name: "prod-server" })).status).toBe(201)
        const wrong = await license("deactivate", { key, instance_name: "prod-server", mode: "test" })
        expect(wrong.status).toBe(400)
        expect(wrong.data.code).toBe("live_key")
        expect((await service().countActivations([keys[0].id])).get(keys[0].id)).toBe(1)
      })
    })
  },
})

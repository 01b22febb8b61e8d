import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import { generateLicenseKey, generateToken, hashToken } from "../../../lib/tokens"
import { CUSTOMER_PORTAL_MODULE } from ".."
import type CustomerPortalModuleService from "../service"

jest.setTimeout(60_000)

const HOUR = 3_600_000
const now = new Date("2026-11-01T12:00:00Z")

// The schema comes from the committed migrations, so these tests also prove them.
moduleIntegrationTestRunner<CustomerPortalModuleService>({
  moduleName: CUSTOMER_PORTAL_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service }) => {
    let portalId: string

    beforeEach(async () => {
      portalId = (await service.ensurePortal({ name: "Acme" })).id
    })

    const subscription = (overrides: Record<string, unknown> = {}) => ({
      portal_id: portalId,
      mode: "test" as const,
      customer_id: "cus_1",
      product_variant_id: "variant_1",
      plan_title: "Pro monthly",
      interval: "month" as const,
      amount: 1999,
      currency_code: "usd",
      current_period_start: now,
      current_period_end: new Date(now.getTime() + 30 * 24 * HOUR),
      next_renewal_at: new Date(now.getTime() + 30 * 24 * HOUR),
      ...overrides,
    })

    const invoice = (overrides: Record<string, unknown> = {}) => ({
      portal_id: portalId,
      mode: "test" as const,
      number: "INV-000001",
      sequence: 1,
      customer_id: "cus_1",
      source_type: "order" as const,
      source_id: "order_1",
      currency_code: "usd",
      subtotal: 2000,
      discount_total: 500,
      shipping_total: 300,
      tax_total: 180,
      total: 1980,
      issued_at: now,
      customer_email: "a@example.com",
      ...overrides,
    })

    const magicLink = (overrides: Record<string, unknown> = {}) => ({
      portal_id: portalId,
      kind: "magic" as const,
      mode: "test" as const,
      customer_id: "cus_1",
      token_hash: hashToken(generateToken()),
      expires_at: new Date(now.getTime() + HOUR),
      ...overrides,
    })

    describe("portal", () => {
      it("is created once with a business id and a static link per mode", async () => {
        const [portals, links] = await Promise.all([service.listCustomerPortals(), service.listPortalLinks({ kind: "static" })])
        expect(portals).toHaveLength(1)
        expect(portals[0].id).toMatch(/^cport_/)
        expect(portals[0].business_id).toMatch(/^bus_[A-Za-z0-9]{20}$/)
        expect(portals[0]).toMatchObject({ name: "Acme", mode: "test", invoice_sequence: 0 })
        expect(links.map((l) => l.mode).sort()).toEqual(["live", "test"])
        expect(links.every((l) => l.id.startsWith("plink_") && l.portal_id === portalId)).toBe(true)
      })

      it("stays one portal when many callers ensure it at once", async () => {
        const results = await Promise.all(Array.from({ length: 10 }, () => service.ensurePortal({ name: "Other" })))
        expect(new Set(results.map((p) => p.id))).toEqual(new Set([portalId]))
        expect(await service.listCustomerPortals()).toHaveLength(1)
        expect(await service.listPortalLinks({ kind: "static" })).toHaveLength(2)
      })

      it("refuses a second static link for the same business and mode", async () => {
        await expect(service.createPortalLinks({ portal_id: portalId, kind: "static", mode: "test" })).rejects.toThrow()
        expect(await service.listPortalLinks({ kind: "static", mode: "test" })).toHaveLength(1)
      })

      it("refuses an accent colour that is not #rrggbb", async () => {
        await expect(service.updateCustomerPortals({ id: portalId, accent_color: "red; background:url(x)" })).rejects.toThrow(
          /customer_portal_accent_color_hex/
        )
        await service.updateCustomerPortals({ id: portalId, accent_color: "#1a2B3c" })
      })
    })

    describe("magic links and sessions", () => {
      it("keeps only a SHA-256 hash of the token and refuses anything else", async () => {
        const link = await service.createPortalLinks(magicLink())
        expect(link.id).toMatch(/^plink_/)
        expect(link.token_hash).toMatch(/^[0-9a-f]{64}$/)
        await expect(service.createPortalLinks(magicLink({ token_hash: generateToken() }))).rejects.toThrow(
          /portal_link_token_hash_sha256/
        )
      })

      it("refuses two links with the same token hash", async () => {
        const token_hash = hashToken(generateToken())
        await service.createPortalLinks(magicLink({ token_hash }))
        await expect(service.createPortalLinks(magicLink({ token_hash, customer_id: "cus_2" }))).rejects.toThrow(/already exists/)
      })

      it("refuses a magic link without a customer, a token hash or an expiry", async () => {
        for (const missing of ["customer_id", "token_hash", "expires_at"]) {
          await expect(service.createPortalLinks(magicLink({ [missing]: null }))).rejects.toThrow(/portal_link_kind_fields/)
        }
      })

      it("ties an email-change link to its new address", async () => {
        await expect(service.createPortalLinks(magicLink({ purpose: "email_change" }))).rejects.toThrow(
          /portal_link_email_change_target/
        )
        const link = await service.createPortalLinks(magicLink({ purpose: "email_change", new_email: "new@example.com" }))
        expect(link.new_email).toBe("new@example.com")
      })

      it("keeps sessions by token hash, unique, with an id prefix", async () => {
        const token_hash = hashToken(generateToken())
        const session = {
          portal_id: portalId,
          customer_id: "cus_1",
          mode: "test" as const,
          token_hash,
          expires_at: new Date(now.getTime() + 12 * HOUR),
          last_seen_at: now,
        }
        const created = await service.createPortalSessions(session)
        expect(created.id).toMatch(/^psess_/)
        await expect(service.createPortalSessions(session)).rejects.toThrow(/already exists/)
        await expect(service.createPortalSessions({ ...session, token_hash: "not-a-hash" })).rejects.toThrow(
          /portal_session_token_hash_sha256/
        )
      })
    })

    describe("redeeming and sessions", () => {
      it("lets exactly one of 50 concurrent redeems of a link open a session", async () => {
        const token = generateToken()
        await service.createPortalLinks(magicLink({ token_hash: hashToken(token) }))
        const results = await Promise.all(
          Array.from({ length: 50 }, () =>
            service.redeemLink({ token_hash: hashToken(token), session_token_hash: hashToken(generateToken()), now })
          )
        )
        expect(results.filter(Boolean)).toHaveLength(1)
        expect(await service.listPortalSessions({})).toHaveLength(1)
      })

      it("refuses a link at its expiry instant, a revoked link and an email-change link", async () => {
        const expiring = generateToken()
        const revoked = generateToken()
        const emailChange = generateToken()
        await service.createPortalLinks([
          magicLink({ token_hash: hashToken(expiring) }),
          magicLink({ token_hash: hashToken(revoked), revoked_at: now }),
          magicLink({ token_hash: hashToken(emailChange), purpose: "email_change", new_email: "n@example.com" }),
        ])
        const redeem = (token: string, at: Date) =>
          service.redeemLink({ token_hash: hashToken(token), session_token_hash: hashToken(generateToken()), now: at })
        expect(await redeem(expiring, new Date(now.getTime() + HOUR))).toBeNull()
        expect(await redeem(revoked, now)).toBeNull()
        expect(await redeem(emailChange, now)).toBeNull()
        expect(await redeem(expiring, new Date(now.getTime() + HOUR - 1))).not.toBeNull()
      })

      it("refuses every email-change step as a way in", async () => {
        for (const purpose of ["email_change_authorize", "email_change", "email_change_undo"]) {
          const token = generateToken()
          await service.createPortalLinks(magicLink({ token_hash: hashToken(token), purpose, new_email: "n@example.com" }))
          expect(await service.redeemLink({ token_hash: hashToken(token), session_token_hash: hashToken(generateToken()), now })).toBeNull()
        }
      })

      it("an emailed link proves its address for the session and records it; a handed link proves nothing", async () => {
        const emailed = generateToken()
        const handed = generateToken()
        await service.createPortalLinks([
          magicLink({ token_hash: hashToken(emailed), sent_to_email: "vera@example.com" }),
          magicLink({ token_hash: hashToken(handed), issued_by_type: "admin_user" }),
        ])
        const byEmail = await service.redeemLink({ token_hash: hashToken(emailed), session_token_hash: hashToken(generateToken()), now })
        const byHand = await service.redeemLink({ token_hash: hashToken(handed), session_token_hash: hashToken(generateToken()), now })
        expect(byEmail).toMatchObject({ proven_email: "vera@example.com", confirmed_session: false })
        expect(byHand).toMatchObject({ proven_email: null, confirmed_session: false })
        const [session] = await service.listPortalSessions({ id: byEmail!.session_id })
        expect(session).toMatchObject({ proven_email: "vera@example.com", proven_at: now })
        expect(await service.listEmailProofs({})).toEqual([
          expect.objectContaining({ email: "vera@example.com", customer_id: "cus_1", method: "emailed_link", first_proven_at: now, proven_at: now }),
        ])
        // A later proof keeps the first time and moves the latest.
        const again = generateToken()
        await service.createPortalLinks(magicLink({ token_hash: hashToken(again), sent_to_email: "vera@example.com" }))
        const later = new Date(now.getTime() + 1000)
        await service.redeemLink({ token_hash: hashToken(again), session_token_hash: hashToken(generateToken()), now: later })
        expect(await service.listEmailProofs({})).toEqual([expect.objectContaining({ first_proven_at: now, proven_at: later })])
        await expect(service.recordEmailProof({ email: "Vera@Example.com", customer_id: "cus_1", method: "emailed_link", now })).rejects.toThrow(
          /portal_email_proof_normalised/
        )
      })

      it("a confirmation link confirms the record only when used with the live session that asked for it, which it replaces", async () => {
        const asking = generateToken()
        const asked = await service.createPortalSessions({
          portal_id: portalId,
          customer_id: "cus_account",
          mode: "test",
          token_hash: hashToken(asking),
          expires_at: new Date(now.getTime() + HOUR),
          last_seen_at: now,
        })
        const confirmation = (customer_id = "cus_guest") => {
          const token = generateToken()
          return service
            .createPortalLinks(magicLink({ token_hash: hashToken(token), customer_id, purpose: "confirm_email", sent_to_email: "vera@example.com", requested_by_session_id: asked.id }))
            .then(() => token)
        }
        const elsewhere = generateToken()
        await service.createPortalSessions({ portal_id: portalId, customer_id: "cus_other", mode: "test", token_hash: hashToken(elsewhere), expires_at: new Date(now.getTime() + HOUR), last_seen_at: now })
        // Used in another browser (with another session, or none): a sign-in there, no confirmation.
        const other = await service.redeemLink({ token_hash: hashToken(await confirmation()), session_token_hash: hashToken(generateToken()), now, replacing_token_hash: hashToken(elsewhere) })
        expect(other).toMatchObject({ customer_id: "cus_guest", confirmed_session: false })
        expect(await service.recordsConfirmedFor("vera@example.com", ["cus_account", "cus_guest"])).toEqual([])
        // Used with the session that asked: that session ends, the new one is its record's, and the record is confirmed.
        const same = await service.redeemLink({ token_hash: hashToken(await confirmation()), session_token_hash: hashToken(generateToken()), now, replacing_token_hash: hashToken(asking) })
        expect(same).toMatchObject({ customer_id: "cus_account", confirmed_session: true })
        expect((await service.listPortalSessions({ id: asked.id }))[0].revoked_at).not.toBeNull()
        expect(await service.recordsConfirmedFor("vera@example.com", ["cus_account", "cus_guest"])).toEqual(["cus_account"])
      })
    })

    describe("rate limits", () => {
      it("allows the burst, then one request per interval, and says when to retry", async () => {
        const take = (at: number) =>
          service.consumeRateLimit({ key: "test:a", limit: 3, periodMs: 60_000, now: new Date(now.getTime() + at) })
        expect((await take(0)).allowed).toBe(true)
        expect((await take(0)).allowed).toBe(true)
        expect((await take(0)).allowed).toBe(true)
        expect(await take(0)).toEqual({ allowed: false, retryAfterSeconds: 20 })
        expect(await take(19_000)).toEqual({ allowed: false, retryAfterSeconds: 1 })
        expect((await take(20_000)).allowed).toBe(true)
        expect((await take(20_000)).allowed).toBe(false)
      })

      it("holds under concurrent requests", async () => {
        const results = await Promise.all(
          Array.from({ length: 20 }, () => service.consumeRateLimit({ key: "test:b", limit: 5, periodMs: 3_600_000, now }))
        )
        expect(results.filter((r) => r.allowed)).toHaveLength(5)
      })

      it("takes a request's buckets in order, and a refusal leaves the later ones untouched", async () => {
        const perAddress = { key: "test:address", limit: 2, periodMs: 60_000 }
        const perEmail = { key: "test:email", limit: 3, periodMs: 60_000 }
        const emailAlone = () => service.consumeRateLimits([perEmail], now)
        expect((await service.consumeRateLimits([perAddress, perEmail], now)).allowed).toBe(true)
        expect((await service.consumeRateLimits([perAddress, perEmail], now)).allowed).toBe(true)
        // The address is spent: refused there, so the email's bucket is not touched (2 of 3 used so far).
        expect(await service.consumeRateLimits([perAddress, perEmail], now)).toEqual({ allowed: false, retryAfterSeconds: 30 })
        expect(await service.consumeRateLimits([perAddress, perEmail], now)).toEqual({ allowed: false, retryAfterSeconds: 30 })
        expect((await emailAlone()).allowed).toBe(true)
        expect(await emailAlone()).toEqual({ allowed: false, retryAfterSeconds: 20 })
        // No buckets: nothing to refuse.
        expect(await service.consumeRateLimits([], now)).toEqual({ allowed: true, retryAfterSeconds: 0 })
      })
    })

    describe("subscriptions", () => {
      it("is created active, with a prefix and its amount in minor units", async () => {
        const created = await service.createSubscriptions(subscription())
        expect(created.id).toMatch(/^sub_/)
        expect(created.status).toBe("active")
        expect(Number(created.amount)).toBe(1999)
      })

      it.each([
        [{ amount: 19.99 }, /subscription_amount_minor_units/],
        [{ amount: -1 }, /subscription_amount_minor_units/],
        [{ currency_code: "USD" }, /subscription_currency_code/],
        [{ interval_count: 0 }, /subscription_interval_count_positive/],
        [{ current_period_end: now }, /subscription_period_order/],
        [{ payment_method_last4: "42" }, /subscription_last4/],
        [{ status: "on_hold" }, /subscription_state_fields/],
      ])("refuses %p", async (overrides, message) => {
        await expect(service.createSubscriptions(subscription(overrides))).rejects.toThrow(message)
      })

      it("moves along the state machine and refuses to leave a final state", async () => {
        const { id } = await service.createSubscriptions(subscription())
        const held = await service.transitionSubscription(id, "on_hold", { on_hold_since: now, next_renewal_at: null })
        expect(held).toMatchObject({ status: "on_hold", next_renewal_at: null })
        const active = await service.transitionSubscription(id, "active", {
          on_hold_since: null,
          next_renewal_at: new Date(now.getTime() + HOUR),
        })
        expect(active.status).toBe("active")
        await service.transitionSubscription(id, "cancelled", { ended_at: now, cancelled_at: now, next_renewal_at: null })
        await expect(service.transitionSubscription(id, "active")).rejects.toThrow("A subscription that is cancelled cannot become active.")
        expect((await service.retrieveSubscription(id)).status).toBe("cancelled")
      })

      it("refuses an on_hold state without its date, leaving the row as it was", async () => {
        const { id } = await service.createSubscriptions(subscription())
        await expect(service.transitionSubscription(id, "on_hold", { next_renewal_at: null })).rejects.toThrow(
          /subscription_state_fields/
        )
        expect((await service.retrieveSubscription(id)).status).toBe("active")
      })

      it("lets exactly one of two concurrent cancellations through", async () => {
        const { id } = await service.createSubscriptions(subscription())
        const results = await Promise.allSettled(
          [1, 2].map(() => service.transitionSubscription(id, "cancelled", { ended_at: now, next_renewal_at: null }))
        )
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1)
      })

      it("answers not found for an unknown subscription", async () => {
        await expect(service.transitionSubscription("sub_missing", "on_hold")).rejects.toThrow(/was not found/)
      })
    })

    describe("invoices", () => {
      it("is created with its lines, prefixed ids and integer amounts", async () => {
        const created = await service.createInvoices({
          ...invoice(),
          lines: [{ title: "Pro monthly", quantity: 1, unit_price: 2000, subtotal: 2000, discount_total: 500, tax_total: 180, total: 1680 }],
        } as any)
        const read = await service.retrieveInvoice(created.id, { relations: ["lines"] })
        expect(read.id).toMatch(/^inv_/)
        expect(read.lines[0].id).toMatch(/^invl_/)
        expect(read.status).toBe("open")
        expect(Number(read.total)).toBe(1980)
      })

      it("never gives one source two invoices", async () => {
        await service.createInvoices(invoice())
        await expect(service.createInvoices(invoice({ number: "INV-000002", sequence: 2 }))).rejects.toThrow(/already exists/)
      })

      it("never gives two invoices one number", async () => {
        await service.createInvoices(invoice())
        await expect(service.createInvoices(invoice({ source_id: "order_2", sequence: 2 }))).rejects.toThrow(/already exists/)
      })

      it.each([
        [{ total: 1981 }, /invoice_total_adds_up/],
        [{ subtotal: 2000.5, total: 1980.5 }, /invoice_amounts_minor_units/],
        [{ status: "paid" }, /invoice_status_dates/],
        [{ status: "void" }, /invoice_status_dates/],
        [{ sequence: 0 }, /invoice_sequence_positive/],
      ])("refuses %p", async (overrides, message) => {
        await expect(service.createInvoices(invoice(overrides))).rejects.toThrow(message)
      })

      it("hands out invoice numbers in order, without gaps or duplicates under concurrency", async () => {
        const allocated = await Promise.all(Array.from({ length: 20 }, () => service.allocateInvoiceNumber(portalId)))
        const sequences = allocated.map((a) => a.sequence).sort((a, b) => a - b)
        expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
        expect(allocated.find((a) => a.sequence === 7)!.number).toBe("INV-000007")
      })
    })

    describe("license keys", () => {
      const licenseKey = (overrides: Record<string, unknown> = {}) => ({
        portal_id: portalId,
        mode: "test" as const,
        key: generateLicenseKey("ACME"),
        customer_id: "cus_1",
        product_title: "Desktop app",
        activation_limit: 3,
        ...overrides,
      })

      it("is unique, prefixed and well formed", async () => {
        const key = generateLicenseKey("ACME")
        const created = await service.createLicenseKeys(licenseKey({ key }))
        expect(created.id).toMatch(/^lkey_/)
        await expect(service.createLicenseKeys(licenseKey({ key, customer_id: "cus_2" }))).rejects.toThrow(/already exists/)
        await expect(service.createLicenseKeys(licenseKey({ key: "short" }))).rejects.toThrow(/license_key_format/)
        await expect(service.createLicenseKeys(licenseKey({ activation_limit: 0 }))).rejects.toThrow(
          /license_key_activation_limit/
        )
        await expect(service.createLicenseKeys(licenseKey({ status: "revoked" }))).rejects.toThrow(/license_key_status_dates/)
      })

      it("activates an instance once at a time, and again after deactivation", async () => {
        const key = await service.createLicenseKeys(licenseKey())
        const first = await service.createLicenseActivations({ license_key_id: key.id, instance_name: "laptop" } as any)
        expect(first.id).toMatch(/^lact_/)
        await expect(
          service.createLicenseActivations({ license_key_id: key.id, instance_name: "laptop" } as any)
        ).rejects.toThrow(/already exists/)
        await service.updateLicenseActivations({ id: first.id, deactivated_at: now })
        await service.createLicenseActivations({ license_key_id: key.id, instance_name: "laptop" } as any)
        const read = await service.retrieveLicenseKey(key.id, { relations: ["activations"] })
        expect(read.activations).toHaveLength(2)
      })
    })
  },
})

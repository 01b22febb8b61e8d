import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DistributedTransaction, type DistributedTransactionType } from "@medusajs/framework/orchestration"
import { Modules } from "@medusajs/framework/utils"
import { placeOrder } from "../../scripts/fixtures/commerce"
import Medusa from "@medusajs/js-sdk"
import { createCustomerPortalClient } from "../../src/client"
import { clock } from "../../src/lib/clock"
import { hashToken } from "../../src/lib/tokens"
import { CUSTOMER_PORTAL_MODULE } from "../../src/modules/customer-portal"
import type CustomerPortalModuleService from "../../src/modules/customer-portal/service"
import { issuePortalLinkWorkflow } from "../../src/workflows/issue-portal-link"
import { createDigitalCatalog } from "../helpers/catalog"
import { createAdminHeaders, createSecretKeyHeaders, createStoreHeaders } from "../helpers/auth"
import { clearOutbox, linkIn, readOutbox, tokenOf, useOutbox, verifyLinkIn, waitForEmails, type OutboxEmail } from "../helpers/outbox"
import { waitFor } from "../helpers/wait"

jest.setTimeout(180_000)

const outbox = useOutbox()
const HOUR = 3_600_000
const ACCEPTED = {
  message:
    "If this email has purchases here, a sign-in link is on its way. It works once and expires in a few minutes. Use the email address you bought with.",
}
const UNUSABLE = "This link has expired or was already used."
const ENDED = "Your portal session has ended. Sign in again."

let ipCounter = 0
/** Each test speaks from its own address, so per-IP limits of one test do not leak into the next. */
const freshIp = () => `203.0.113.${(ipCounter++ % 250) + 1}`

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    let businessId: string
    let ip: string
    let now: Date
    let layla: { id: string; email: string }

    const storeAs = (extra: Record<string, string> = {}) => ({ headers: { ...store.headers, "x-forwarded-for": ip, ...extra } })
    const portalAs = (token: string) => storeAs({ authorization: `Bearer ${token}` })
    const call = (p: Promise<any>) => p.catch((e: any) => e.response)
    const advance = (ms: number) => (now = new Date(now.getTime() + ms))
    const portalService = () => getContainer().resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)

    beforeEach(async () => {
      now = new Date("2026-06-01T10:00:00Z")
      jest.spyOn(clock, "now").mockImplementation(() => now)
      ip = freshIp()
      clearOutbox(outbox)
      const container = getContainer()
      admin = await createAdminHeaders(container)
      store = await createStoreHeaders(container)
      businessId = (await api.get("/admin/customer-portal", admin)).data.customer_portal.business_id
      const customers = container.resolve(Modules.CUSTOMER)
      const [created] = await customers.createCustomers([
        { email: "layla@example.com", first_name: "Layla", last_name: "Haddad", has_account: true },
        { email: "guest@example.com", first_name: "Sam", last_name: "Guest", has_account: false },
      ])
      layla = { id: created.id, email: created.email }
    })

    afterEach(() => jest.restoreAllMocks())

    const adminLink = async (customerId = layla.id, body: Record<string, unknown> = {}) =>
      (await api.post(`/admin/customers/${customerId}/portal-sessions`, body, admin)).data.portal_session as { link: string; expires_at: string }

    const redeem = (token: string, headers: Record<string, string> = {}) =>
      call(api.post("/store/portal/sessions", { token }, storeAs(headers)))

    describe("admin API (A4, A5)", () => {
      it("creates a 24-hour link to the configured storefront for a customer", async () => {
        const res = await api.post(`/admin/customers/${layla.id}/portal-sessions`, {}, admin)
        expect(res.status).toBe(201)
        expect(res.data.portal_session.link).toMatch(/^http:\/\/localhost:8000\/en\/portal\/access#t=[A-Za-z0-9_-]{43}$/)
        expect(new Date(res.data.portal_session.expires_at).getTime()).toBe(now.getTime() + 24 * HOUR)
        expect(readOutbox(outbox)).toHaveLength(0)
      })

      it("accepts a secret API key, as a merchant's server would call it", async () => {
        const secret = await createSecretKeyHeaders(getContainer())
        const res = await api.post(`/admin/customers/${layla.id}/portal-sessions`, {}, secret)
        expect(res.status).toBe(201)
      })

      it("works through the typed client as the spec shows: client.customers.customerPortal.create(id)", async () => {
        const container = getContainer()
        const key = await container.resolve(Modules.API_KEY).createApiKeys({ title: "Server", type: "secret", created_by: "test" })
        const client = createCustomerPortalClient(new Medusa({ baseUrl: api.defaults.baseURL as string, apiKey: key.token }))
        const session = await client.customers.customerPortal.create(layla.id)
        expect(session.link).toMatch(/\/en\/portal\/access#t=[A-Za-z0-9_-]{43}$/)
        expect((await redeem(tokenOf(session.link!))).status).toBe(201)
        await expect(client.customers.customerPortal.create("cus_nobody")).rejects.toMatchObject({ status: 404 })
        expect(await client.customers.customerPortal.revokeAll(layla.id)).toEqual({ links: 0, sessions: 1 })
      })

      it("emails the link when asked, built from the configured URL whatever Host the request claims, and never answers it", async () => {
        const res = await api.post(
          `/admin/customers/${layla.id}/portal-sessions`,
          { send_email: true, locale: "ar" },
          { headers: { ...admin.headers, host: "evil.example", "x-forwarded-host": "evil.example" } }
        )
        // An emailed link proves the address: only the mailbox has it.
        expect(res.data.portal_session).toEqual({ link: null, emailed: true, expires_at: expect.any(String) })
        const [email] = await waitForEmails(outbox, "layla@example.com")
        expect(email.template).toBe("portal-invite")
        expect(linkIn(email)).toMatch(/^http:\/\/localhost:8000\/ar\/portal\/access#t=[A-Za-z0-9_-]{43}$/)
        expect(email.html).toContain('dir="rtl"')
        expect(email.html + email.text).not.toContain("evil.example")
        expect(JSON.stringify(email.data)).not.toContain(tokenOf(linkIn(email)))
        expect((await redeem(tokenOf(linkIn(email)))).status).toBe(201)
      })

      it("refuses callers who are not signed in to the admin", async () => {
        const res = await call(api.post(`/admin/customers/${layla.id}/portal-sessions`, {}))
        expect(res.status).toBe(401)
      })

      it("answers 404 for an unknown customer and creates nothing", async () => {
        const res = await call(api.post(`/admin/customers/cus_unknown/portal-sessions`, {}, admin))
        expect(res.status).toBe(404)
        const links = await portalService().listPortalLinks({ kind: "magic" })
        expect(links).toHaveLength(0)
      })

      it.each([[{ send_email: "yes" }], [{ locale: "fr" }], [{ customer_id: "cus_other" }], [[1, 2]]])(
        "refuses the body %p with a 400 and creates nothing",
        async (body) => {
          const res = await call(api.post(`/admin/customers/${layla.id}/portal-sessions`, body, admin))
          expect(res.status).toBe(400)
          expect(typeof res.data.message).toBe("string")
          const links = await portalService().listPortalLinks({ kind: "magic" })
          expect(links).toHaveLength(0)
        }
      )
    })

    describe("redeeming a link (A3)", () => {
      it("opens a session once; a second use is refused with one clear message", async () => {
        const { link } = await adminLink()
        const first = await redeem(tokenOf(link))
        expect(first.status).toBe(201)
        expect(first.data.session_token).toMatch(/^[A-Za-z0-9_-]{43}$/)
        expect(new Date(first.data.expires_at).getTime()).toBe(now.getTime() + 12 * HOUR)
        const second = await redeem(tokenOf(link))
        expect(second.status).toBe(404)
        expect(second.data.message).toBe(UNUSABLE)
      })

      it("gives exactly one session to 50 parallel redeems of one link", async () => {
        const { link } = await adminLink()
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) => redeem(tokenOf(link), { "x-forwarded-for": `198.51.100.${i + 1}` }))
        )
        expect(results.filter((r) => r.status === 201)).toHaveLength(1)
        expect(results.filter((r) => r.status === 404)).toHaveLength(49)
        const sessions = await portalService().listPortalSessions({ customer_id: layla.id })
        expect(sessions).toHaveLength(1)
      })

      it("accepts a link just before it expires and refuses it just after", async () => {
        const before = await adminLink()
        const after = await adminLink()
        advance(24 * HOUR - 1)
        expect((await redeem(tokenOf(before.link))).status).toBe(201)
        advance(1)
        const late = await redeem(tokenOf(after.link))
        expect(late.status).toBe(404)
        expect(late.data.message).toBe(UNUSABLE)
      })

      it("answers an unknown link exactly as a used or expired one", async () => {
        const res = await redeem("A".repeat(43))
        expect(res.status).toBe(404)
        expect(res.data).toEqual({ type: "not_found", message: UNUSABLE })
      })

      it.each([[{}], [{ token: "" }], [{ token: 42 }], [{ token: "A".repeat(42) + "!" }], [{ token: "x".repeat(20_000) }], [{ token: "A".repeat(43), extra: 1 }], [{ token: "' OR 1=1 --" }]])(
        "refuses the malformed body %#, with a 400 and no session",
        async (body) => {
          const res = await call(api.post("/store/portal/sessions", body, storeAs()))
          expect(res.status).toBe(400)
          expect(typeof res.data.message).toBe("string")
          expect(JSON.stringify(res.data)).not.toMatch(/at .*\.js|stack/i)
          expect(await portalService().listPortalSessions({})).toHaveLength(0)
        }
      )

      it("limits redeem attempts per address with 429 and Retry-After", async () => {
        const answers = []
        for (let i = 0; i < 12; i++) answers.push(await redeem("B".repeat(43)))
        expect(answers.slice(0, 10).every((r) => r.status === 404)).toBe(true)
        const limited = answers[10]
        expect(limited.status).toBe(429)
        expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0)
        expect(limited.data.message).toMatch(/Wait \d+ seconds? and try again/)
        expect((await redeem("B".repeat(43), { "x-forwarded-for": freshIp() })).status).toBe(404)
      })
    })

    describe("sessions", () => {
      const signIn = async () => (await redeem(tokenOf((await adminLink()).link))).data.session_token as string

      it("lets the session's customer read their profile, and nobody else", async () => {
        const token = await signIn()
        const me = await api.get("/store/portal/me", portalAs(token))
        expect(me.status).toBe(200)
        expect(me.data.customer).toEqual({ first_name: "Layla", last_name: "Haddad", email: "layla@example.com", phone: null, company_name: null })
        expect(me.headers["cache-control"]).toBe("private, no-store")
        expect(JSON.stringify(me.data)).not.toContain(layla.id)
        for (const auth of [undefined, "Bearer ", `Bearer ${"C".repeat(43)}`, `Basic ${token}`, token]) {
          const res = await call(api.get("/store/portal/me", storeAs(auth ? { authorization: auth } : {})))
          expect(res.status).toBe(401)
          expect(res.data.message).toBe(ENDED)
        }
      })

      it("ends on sign-out, on the server", async () => {
        const token = await signIn()
        expect((await api.delete("/store/portal/sessions/current", portalAs(token))).status).toBe(200)
        const res = await call(api.get("/store/portal/me", portalAs(token)))
        expect(res.status).toBe(401)
      })

      it("ends 12 hours after sign-in however busy it is", async () => {
        const token = await signIn()
        for (let i = 0; i < 12; i++) {
          advance(HOUR - 1000)
          expect((await call(api.get("/store/portal/me", portalAs(token)))).status).toBe(200)
        }
        advance(12 * 1000)
        expect((await call(api.get("/store/portal/me", portalAs(token)))).status).toBe(401)
      })

      it("ends after an hour without use", async () => {
        const token = await signIn()
        advance(HOUR + 1)
        expect((await call(api.get("/store/portal/me", portalAs(token)))).status).toBe(401)
      })

      it("ends when the merchant revokes the customer's links and sessions", async () => {
        const token = await signIn()
        const unused = await adminLink()
        const res = await api.post(`/admin/customers/${layla.id}/portal-access/revoke`, {}, admin)
        expect(res.data.revoked).toEqual({ links: 1, sessions: 1 })
        expect((await call(api.get("/store/portal/me", portalAs(token)))).status).toBe(401)
        expect((await redeem(tokenOf(unused.link))).status).toBe(404)
      })
    })

    describe("purchases of every record with the customer's email", () => {
      it("an emailed sign-in lists the guest checkout and the account's orders together, newest first, paginated", async () => {
        const container = getContainer()
        const customers = container.resolve(Modules.CUSTOMER)
        const [noorGuest, noorAccount, other] = await customers.createCustomers([
          { email: "noor@example.com", first_name: "Noor", has_account: false },
          { email: "Noor@Example.com", first_name: "Noor", has_account: true },
          { email: "other@example.com", first_name: "Other", has_account: true },
        ])
        const { region, salesChannel, variant } = await createDigitalCatalog(container)
        const order = (customer: { id: string; email: string }, quantity: number) =>
          placeOrder(container, {
            region_id: region.id,
            sales_channel_id: salesChannel.id,
            email: customer.email,
            customer_id: customer.id,
            items: [{ variant_id: variant.id, quantity }],
          })
        await order(noorGuest, 1)
        await order(noorAccount, 2)
        await order(other, 3)

        // The address proven by its mailbox: every record of it (an admin's link would show one record; see identity.spec.ts).
        expect((await call(api.post("/store/portal/login-requests", { business_id: businessId, email: "noor@example.com" }, storeAs()))).status).toBe(202)
        const [signIn] = await waitForEmails(outbox, "noor@example.com")
        const token = (await redeem(tokenOf(linkIn(signIn)))).data.session_token
        const all = await api.get("/store/portal/orders", portalAs(token))
        expect(all.data.count).toBe(2)
        expect(all.data.orders.map((o: any) => [o.total, o.items[0].quantity])).toEqual([
          [98, 2],
          [49, 1],
        ])
        expect(all.data.orders[0]).toMatchObject({ currency_code: "usd", items: [{ title: "Desktop app · 1 seat", quantity: 2 }] })
        expect(JSON.stringify(all.data)).not.toMatch(/order_|cus_/)
        const page = await api.get("/store/portal/orders?limit=1&offset=1", portalAs(token))
        expect(page.data).toMatchObject({ count: 2, limit: 1, offset: 1 })
        expect(page.data.orders.map((o: any) => o.total)).toEqual([49])
        for (const bad of ["limit=0", "limit=51", "offset=-1", "limit=abc", "customer_id=" + other.id]) {
          const res = await call(api.get(`/store/portal/orders?${bad}`, portalAs(token)))
          expect(res.status).toBe(400)
        }
      })
    })

    describe("static login page (A1, A6)", () => {
      const request = (email: unknown, extra: Record<string, unknown> = {}) =>
        call(api.post("/store/portal/login-requests", { business_id: businessId, email, ...extra }, storeAs()))

      it("answers the same for a customer's email and a stranger's, and emails only the customer", async () => {
        const known = await request("  Layla@Example.COM ")
        const unknown = await request("nobody@example.com")
        const wrongBusiness = await call(
          api.post("/store/portal/login-requests", { business_id: "bus_other", email: "guest@example.com" }, storeAs({ "x-forwarded-for": freshIp() }))
        )
        for (const res of [known, unknown, wrongBusiness]) {
          expect(res.status).toBe(202)
          expect(res.data).toEqual(ACCEPTED)
        }
        const [email] = await waitForEmails(outbox, "layla@example.com")
        expect(email.template).toBe("portal-sign-in")
        await new Promise((r) => setTimeout(r, 500))
        expect(readOutbox(outbox).map((e) => e.to)).toEqual(["layla@example.com"])
      })

      it("sends a 15-minute link that signs the customer in", async () => {
        await request("layla@example.com", { locale: "ar" })
        const [email] = await waitForEmails(outbox, "layla@example.com")
        expect(linkIn(email)).toMatch(/^http:\/\/localhost:8000\/ar\/portal\/access#t=/)
        advance(15 * 60_000 - 1)
        const res = await redeem(tokenOf(linkIn(email)))
        expect(res.status).toBe(201)
      })

      it("expires an emailed link after 15 minutes", async () => {
        await request("layla@example.com")
        const [email] = await waitForEmails(outbox, "layla@example.com")
        advance(15 * 60_000)
        expect((await redeem(tokenOf(linkIn(email)))).status).toBe(404)
      })

      it("revokes the customer's older emailed link when a new one is sent", async () => {
        await request("layla@example.com")
        const [first] = await waitForEmails(outbox, "layla@example.com")
        const merchant = await adminLink()
        advance(61_000)
        await request("layla@example.com")
        const emails = await waitForEmails(outbox, "layla@example.com", 2)
        expect((await redeem(tokenOf(linkIn(first)))).status).toBe(404)
        expect((await redeem(tokenOf(linkIn(emails[1])))).status).toBe(201)
        expect((await redeem(tokenOf(merchant.link))).status).toBe(201)
      })

      it("signs in to the mode of the static link's form the customer came through, while the portal runs in it (A2)", async () => {
        const modeOf = async (email: string, mode?: string) => {
          await request(email, mode ? { mode } : {})
          const [message] = await waitForEmails(outbox, email)
          const { session_token } = (await redeem(tokenOf(linkIn(message)))).data
          return (await api.get("/store/portal/me", portalAs(session_token))).data.session.mode
        }
        expect(await modeOf("layla@example.com", "test")).toBe("test")
        await api.post("/admin/customer-portal", { mode: "live" }, admin)
        const statics = (await api.get("/admin/customer-portal", admin)).data.static_links
        expect(statics.test).toMatch(/\?mode=test$/)
        expect(statics.live).not.toContain("mode=")
        expect(await modeOf("guest@example.com")).toBe("live")
        // The other form is closed while the portal runs live (see modes.spec.ts).
        expect((await request("layla2@example.com", { mode: "sandbox" })).status).toBe(400)
      })

      it("finds a guest's purchases by email too", async () => {
        await request("guest@example.com")
        const [email] = await waitForEmails(outbox, "guest@example.com")
        expect(email.text).toContain("Hello Sam Guest")
      })

      it("limits requests for one email to one a minute and five an hour, with Retry-After", async () => {
        expect((await request("layla@example.com")).status).toBe(202)
        const soon = await call(api.post("/store/portal/login-requests", { business_id: businessId, email: "layla@example.com" }, storeAs({ "x-forwarded-for": freshIp() })))
        expect(soon.status).toBe(429)
        expect(Number(soon.headers["retry-after"])).toBe(60)
        for (let i = 0; i < 4; i++) {
          advance(60_000)
          expect((await request("layla@example.com")).status).toBe(202)
        }
        advance(60_000)
        const hourly = await request("layla@example.com")
        expect(hourly.status).toBe(429)
        expect(Number(hourly.headers["retry-after"])).toBeGreaterThan(60)
        // The same limit for an email that belongs to nobody: the answer reveals nothing.
        expect((await request("nobody@example.com")).status).toBe(202)
      })

      it("limits requests from one address across many emails", async () => {
        const statuses = []
        for (let i = 0; i < 12; i++) statuses.push((await request(`someone${i}@example.com`)).status)
        expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202))
        expect(statuses[10]).toBe(429)
      })

      it.each([
        [{}],
        [{ email: "layla@example.com" }],
        [{ business_id: "bus_x" }],
        [{ business_id: "bus_x", email: 12 }],
        [{ business_id: "bus_x", email: "not-an-email" }],
        [{ business_id: "bus_x", email: `${"a".repeat(300)}@example.com` }],
        [{ business_id: "bus_x", email: "ü@exämple.de" }],
        [{ business_id: "bus_x", email: "x@example.com' OR 1=1 --" }],
        [{ business_id: "' OR 1=1 --", email: "layla@example.com" }],
        [{ business_id: "bus_x", email: "layla@example.com", is_admin: true }],
        [["layla@example.com"]],
      ])("refuses the malformed body %j with a 400 and sends nothing", async (body) => {
        const res = await call(api.post("/store/portal/login-requests", body, storeAs()))
        expect(res.status).toBe(400)
        expect(typeof res.data.message).toBe("string")
        await new Promise((r) => setTimeout(r, 200))
        expect(readOutbox(outbox)).toHaveLength(0)
        const [{ count }] = (await dbConnection.raw("SELECT count(*)::int AS count FROM portal_rate_limit WHERE key LIKE 'login:%'")).rows
        expect(count).toBe(0)
      })
    })

    describe("no email enumeration (A6)", () => {
      it("answers known and unknown emails alike in status, body and time (rank-sum test over 60 requests)", async () => {
        const SAMPLES = 30
        await getContainer()
          .resolve(Modules.CUSTOMER)
          .createCustomers(Array.from({ length: SAMPLES }, (_, i) => ({ email: `known-${i}@example.com`, has_account: i % 2 === 0 })))
        // Known and unknown requests in a shuffled order, each its own email and address, with a pause after
        // each so the email a known one sends is written before the next request is timed.
        const order = [...Array.from({ length: SAMPLES }, (_, i) => ({ known: true, i })), ...Array.from({ length: SAMPLES }, (_, i) => ({ known: false, i }))]
        for (let i = order.length - 1; i > 0; i--) {
          const j = Math.floor(Math.random() * (i + 1))
          ;[order[i], order[j]] = [order[j], order[i]]
        }
        const times = { known: [] as number[], unknown: [] as number[] }
        let headerNames: string | undefined
        for (const [n, { known, i }] of order.entries()) {
          const email = known ? `known-${i}@example.com` : `unknown-${i}@example.com`
          const started = process.hrtime.bigint()
          const res = await call(
            api.post("/store/portal/login-requests", { business_id: businessId, email }, storeAs({ "x-forwarded-for": `198.51.100.${n + 1}` }))
          )
          const ms = Number(process.hrtime.bigint() - started) / 1e6
          expect(res.status).toBe(202)
          expect(res.data).toEqual(ACCEPTED)
          // The same headers too (names; a date or request id differs by nature, not by email).
          headerNames ??= Object.keys(res.headers).sort().join(",")
          expect(Object.keys(res.headers).sort().join(",")).toBe(headerNames)
          times[known ? "known" : "unknown"].push(ms)
          await new Promise((r) => setTimeout(r, 150))
        }
        // The known emails were real requests: each got its link.
        await waitForEmails(outbox, `known-${SAMPLES - 1}@example.com`)
        expect(readOutbox(outbox).filter((e) => e.to.startsWith("known-"))).toHaveLength(SAMPLES)
        expect(readOutbox(outbox).filter((e) => e.to.startsWith("unknown-"))).toHaveLength(0)

        // Mann–Whitney U: with no difference between the two, |z| > 3.29 happens one time in a thousand.
        const all = [...times.known.map((t) => ({ t, known: true })), ...times.unknown.map((t) => ({ t, known: false }))].sort((a, b) => a.t - b.t)
        const rankSum = all.reduce((sum, x, rank) => sum + (x.known ? rank + 1 : 0), 0)
        const u = rankSum - (SAMPLES * (SAMPLES + 1)) / 2
        const z = (u - (SAMPLES * SAMPLES) / 2) / Math.sqrt((SAMPLES * SAMPLES * (2 * SAMPLES + 1)) / 12)
        expect(Math.abs(z)).toBeLessThan(3.29)
      })
    })

    describe("tokens at rest", () => {
      it("keeps no raw link or session token in any column or log line", async () => {
        const writes: string[] = []
        const capture = (stream: NodeJS.WriteStream) => {
          const original = stream.write.bind(stream)
          jest.spyOn(stream, "write").mockImplementation(((chunk: any, ...rest: any[]) => {
            writes.push(String(chunk))
            return original(chunk, ...rest)
          }) as any)
        }
        capture(process.stdout)
        capture(process.stderr)
        await adminLink(layla.id, { send_email: true })
        const link = linkIn((await waitForEmails(outbox, "layla@example.com"))[0])
        const { session_token } = (await redeem(tokenOf(link))).data
        await api.get("/store/portal/me", portalAs(session_token))

        const columns = (
          await dbConnection.raw(
            `SELECT table_name, column_name FROM information_schema.columns
             WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', 'character varying')`
          )
        ).rows as { table_name: string; column_name: string }[]
        for (const secret of [tokenOf(link), session_token]) {
          for (const { table_name, column_name } of columns) {
            const hit = await dbConnection.raw(
              `SELECT 1 FROM "${table_name}" WHERE "${column_name}"::text LIKE ? LIMIT 1`,
              [`%${secret}%`]
            )
            expect({ table_name, column_name, found: hit.rows.length }).toEqual({ table_name, column_name, found: 0 })
          }
          expect(writes.join("").includes(secret)).toBe(false)
        }
      })

      it("makes no link to hand over without the hash of its caller's token: the workflow never makes a token it would have to answer", async () => {
        const run = issuePortalLinkWorkflow(getContainer()).run({ input: { customer_id: layla.id, issued_by_type: "system" }, throwOnError: false })
        const { errors } = await run
        expect(errors[0]?.error?.message).toBe("A link that is not emailed needs the SHA-256 of the token it is handed over with.")
        expect(await portalService().listPortalLinks({ kind: "magic" })).toHaveLength(0)
      })

      it("keeps every raw link and session token out of the workflows' inputs and step results, which the engine checkpoints", async () => {
        // What the workflow engine writes when it stores an execution (Redis, or workflow_execution with a retention):
        // the flow, the context (the input and every step's result) and the errors, at each checkpoint.
        const checkpoints: { workflow: string; data: string }[] = []
        const original = DistributedTransaction.prototype.saveCheckpoint
        jest.spyOn(DistributedTransaction.prototype, "saveCheckpoint").mockImplementation(function (this: DistributedTransactionType, ...args) {
          checkpoints.push({ workflow: this.modelId, data: JSON.stringify({ flow: this.getFlow(), context: this.getContext(), errors: this.getErrors() }) })
          return original.apply(this, args)
        })
        const emailed = async (template: string, to = "layla@example.com") =>
          (await waitFor(async () => readOutbox(outbox).filter((e) => e.to === to && e.template === template), (found) => found.length > 0, 15_000, `the ${template} email`)).pop()!

        // Asked for on the static page: the subscriber's workflow mints the link and emails it.
        expect((await call(api.post("/store/portal/login-requests", { business_id: businessId, email: layla.email }, storeAs()))).status).toBe(202)
        const emailedLink = tokenOf(linkIn(await emailed("portal-sign-in")))
        const first = (await redeem(emailedLink)).data.session_token as string
        // Handed over by the merchant, then redeemed in the browser that had the first session.
        const handedLink = tokenOf((await adminLink()).link)
        const second = (await redeem(handedLink, { authorization: `Bearer ${first}` })).data.session_token as string
        expect(second).toMatch(/^[A-Za-z0-9_-]{43}$/)

        // An email change from the handed session: the current address confirms, the new one, then the undo.
        expect((await call(api.post("/store/portal/me/email-change", { email: "layla.new@example.com" }, portalAs(second)))).status).toBe(202)
        const tokens = [emailedLink, handedLink, first, second]
        const use = async (email: OutboxEmail) => {
          const token = tokenOf(verifyLinkIn(email))
          tokens.push(token)
          expect((await call(api.post("/store/portal/email-changes", { token }, storeAs()))).status).toBe(200)
          return token
        }
        await use(await emailed("email-change-authorize"))
        await use(await emailed("email-change-verify", "layla.new@example.com"))
        await use(await emailed("email-changed"))

        const ran = new Set(checkpoints.map((c) => c.workflow))
        for (const workflow of [
          "send-portal-login-link",
          "issue-portal-link",
          "redeem-portal-link",
          "request-email-change",
          "authorize-email-change",
          "confirm-email-change",
          "undo-email-change",
        ]) {
          expect(ran.has(workflow)).toBe(true)
        }
        // The checkpoints are the ones that matter: they do hold the links' hashes, which is what is stored.
        expect(checkpoints.some((c) => c.workflow === "redeem-portal-link" && c.data.includes(hashToken(emailedLink)))).toBe(true)
        for (const token of tokens) {
          const leaks = [...new Set(checkpoints.filter((c) => c.data.includes(token)).map((c) => c.workflow))]
          expect({ token: token.slice(0, 6), leaks }).toEqual({ token: token.slice(0, 6), leaks: [] })
          for (const table of ["workflow_execution", "notification"]) {
            const hit = await dbConnection.raw(`SELECT 1 FROM "${table}" WHERE row_to_json("${table}")::text LIKE ? LIMIT 1`, [`%${token}%`])
            expect({ table, found: hit.rows.length }).toEqual({ table, found: 0 })
          }
        }
      })
    })
  },
})

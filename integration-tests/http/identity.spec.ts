import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { updateRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { placeOrder } from "../../scripts/fixtures/commerce"
import { clock } from "../../src/lib/clock"
import { renewDueSubscriptions } from "../../src/lib/renew-due-subscriptions"
import { CUSTOMER_PORTAL_MODULE } from "../../src/modules/customer-portal"
import type CustomerPortalModuleService from "../../src/modules/customer-portal/service"
import { createAdminHeaders, createSecretKeyHeaders, createStoreHeaders } from "../helpers/auth"
import { createDigitalCatalog } from "../helpers/catalog"
import { createOwnedObjects, type OwnedObjects } from "../helpers/owned-objects"
import { clearOutbox, linkIn, readOutbox, tokenOf, useOutbox, waitForEmails, type OutboxEmail } from "../helpers/outbox"
import { subscribeWithCard } from "../helpers/subscriptions"
import { testCard } from "../helpers/test-cards"

jest.setTimeout(300_000)

/*
 * Identity (issue: a portal session reaches only what its holder has proven). Medusa never
 * verifies an email, so anyone can register an account with the address of a customer who only
 * bought as a guest. These tests do exactly that through Medusa's own store routes, then try
 * every way the portal could hand the guest's purchases, cards or address to that account.
 */

const outbox = useOutbox()
const PROVIDER = "pp_test-card_test"
const PASSWORD = "correct horse battery staple"
const VICTIM = "vera@example.com"
const MINUTE = 60_000
const GOOD = "4242 4242 4242 4242"
const CHARGE_FAILS = "4000 0000 0000 0341"
const HIDDEN = { email_confirmed: false }
const VERIFY = /\/portal\/verify-email#t=([A-Za-z0-9_-]{43})/

let ipCounter = 0
const freshIp = () => `198.18.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    let businessId: string
    let now: Date
    let catalog: Awaited<ReturnType<typeof createDigitalCatalog>>
    /** The victim's guest checkout: a record with an order, a subscription, its invoice and a license key. */
    let guest: { id: string; email: string }
    let guestOrder: { id: string }
    let owned: OwnedObjects

    const service = () => getContainer().resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
    const call = (p: Promise<any>) => p.catch((e: any) => e.response)
    const storeAs = (extra: Record<string, string> = {}) => ({ headers: { ...store.headers, "x-forwarded-for": freshIp(), ...extra } })
    const as = (token: string) => storeAs({ authorization: `Bearer ${token}` })
    const get = (token: string, path: string) => call(api.get(path, as(token)))
    const post = (token: string, path: string, body: unknown = {}) => call(api.post(path, body, as(token)))
    const advance = (ms: number) => (now = new Date(now.getTime() + ms))
    const redeem = (token: string, replacing?: string) =>
      call(api.post("/store/portal/sessions", { token }, storeAs(replacing ? { authorization: `Bearer ${replacing}` } : {})))

    /** The newest email of `template` to `to`, waiting for it when it is not there yet. */
    const newest = async (to: string, template: string, after = 0): Promise<OutboxEmail> => {
      const deadline = Date.now() + 10_000
      for (;;) {
        const found = readOutbox(outbox).filter((e) => e.to === to && e.template === template)
        if (found.length > after) return found[found.length - 1]
        if (Date.now() > deadline) throw new Error(`No ${template} email to ${to}`)
        await new Promise((r) => setTimeout(r, 100))
      }
    }
    const count = (to: string, template: string) => readOutbox(outbox).filter((e) => e.to === to && e.template === template).length

    /** Anyone: a store account registered with any address, through Medusa's store routes (no verification). */
    const registerAccount = async (email: string, first_name: string) => {
      const { token } = (await api.post("/auth/customer/emailpass/register", { email, password: PASSWORD }, storeAs())).data
      const created = await api.post("/store/customers", { email, first_name }, storeAs({ authorization: `Bearer ${token}` }))
      return { id: created.data.customer.id as string, email }
    }
    /** The merchant hands a link over (admin "Create link", or A5 from their server): its session's token. */
    const handedSession = async (customerId: string, via: "admin" | "api_key" = "admin") => {
      const caller = via === "admin" ? admin : await createSecretKeyHeaders(getContainer())
      const { link } = (await api.post(`/admin/customers/${customerId}/portal-sessions`, {}, caller)).data.portal_session
      return (await redeem(tokenOf(link))).data.session_token as string
    }
    /** A sign-in request on the static page, and the link the store emails: its session's token. */
    const emailedSignIn = async (email: string, to = email) => {
      advance(2 * MINUTE) // past the per-address pace of sign-in requests
      const before = count(to, "portal-sign-in")
      expect((await call(api.post("/store/portal/login-requests", { business_id: businessId, email }, storeAs()))).status).toBe(202)
      const sent = await newest(to, "portal-sign-in", before)
      return (await redeem(tokenOf(linkIn(sent)))).data.session_token as string
    }
    const holdersOf = async (customerId: string) => {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "customer", fields: ["account_holders.id", "account_holders.external_id"], filters: { id: customerId } })
      return ((data[0] as any)?.account_holders ?? []).filter(Boolean) as { id: string; external_id: string }[]
    }
    /** The test provider's cards kept for a record's account holders: whose they are, by the provider's own books. */
    const cardsKeptFor = async (customerId: string) => {
      const holders = (await holdersOf(customerId)).map((h) => h.external_id)
      if (!holders.length) return []
      return (await dbConnection.raw(`SELECT last4 FROM test_card WHERE holder = ANY(?) ORDER BY last4`, [holders])).rows.map((r: any) => r.last4)
    }
    const saveCard = async (token: string, number: string, subscriptionId?: string) => {
      const id = await testCard(api, storeAs(), number)
      const res = await post(token, "/store/portal/payment-methods", { provider_id: PROVIDER, payment_method_id: id, ...(subscriptionId ? { subscription_id: subscriptionId } : {}) })
      expect(res.status).toBe(201)
      return res.data.payment_method.id as string
    }
    const payWith = (token: string, subscriptionId: string, methodId: string) =>
      post(token, `/store/portal/subscriptions/${subscriptionId}/payment-method`, { payment_method_id: methodId })
    const everything = async (token: string) => {
      const [me, orders, invoices, subscriptions, keys, methods, activity] = await Promise.all(
        ["/store/portal/me", "/store/portal/orders", "/store/portal/invoices", "/store/portal/subscriptions", "/store/portal/license-keys", "/store/portal/payment-methods", "/store/portal/activity"].map(
          (path) => get(token, path)
        )
      )
      return { me: me.data, orders: orders.data, invoices: invoices.data, subscriptions: subscriptions.data, keys: keys.data, methods: methods.data, activity: activity.data }
    }

    beforeEach(async () => {
      now = new Date()
      jest.spyOn(clock, "now").mockImplementation(() => now)
      clearOutbox(outbox)
      const container = getContainer()
      admin = await createAdminHeaders(container)
      store = await createStoreHeaders(container)
      businessId = (await api.get("/admin/customer-portal", admin)).data.customer_portal.business_id
      catalog = await createDigitalCatalog(container, 20)
      const [created] = await container.resolve(Modules.CUSTOMER).createCustomers([{ email: VICTIM, first_name: "Vera", last_name: "Guest", has_account: false }])
      guest = { id: created.id, email: created.email }
      guestOrder = await placeOrder(container, {
        region_id: catalog.region.id,
        sales_channel_id: catalog.salesChannel.id,
        email: VICTIM,
        customer_id: guest.id,
        items: [{ variant_id: catalog.variant.id, quantity: 1 }],
      })
      const [portal] = await service().listCustomerPortals({}, { take: 1 })
      owned = await createOwnedObjects(container, { portal_id: portal.id, mode: portal.mode, customer_id: guest.id, tag: "VERA", now })
    })

    afterEach(() => jest.restoreAllMocks())

    describe("an account someone registered with a guest's address (H1, H2)", () => {
      it("the merchant's link and the A5 session for it show nothing of the guest's, and every object of the guest's is a 404", async () => {
        const intruder = await registerAccount(VICTIM, "Mallory")
        for (const via of ["admin", "api_key"] as const) {
          const token = await handedSession(intruder.id, via)
          const seen = await everything(token)
          expect(seen.me.customer).toMatchObject({ first_name: "Mallory", email: VICTIM })
          expect(seen.me.identity).toEqual(HIDDEN)
          expect(seen.orders.count).toBe(0)
          expect(seen.invoices.count).toBe(0)
          expect(seen.subscriptions.count).toBe(0)
          expect(seen.keys.count).toBe(0)
          expect(seen.methods.payment_methods).toEqual([])
          expect(JSON.stringify(seen)).not.toMatch(new RegExp([guest.id, guestOrder.id, owned.invoice_number, owned.license_key, "Vera"].join("|")))
          for (const [method, path] of [
            ["get", `/store/portal/invoices/${owned.invoice_id}`],
            ["get", `/store/portal/invoices/${owned.invoice_id}/pdf`],
            ["get", `/store/portal/subscriptions/${owned.subscription_id}`],
            ["get", `/store/portal/license-keys/${owned.license_key_id}`],
            ["post", `/store/portal/license-keys/${owned.license_key_id}/reveal`],
            ["post", `/store/portal/subscriptions/${owned.subscription_id}/cancel`],
            ["delete", `/store/portal/license-keys/${owned.license_key_id}/activations/${owned.activation_id}`],
          ] as const) {
            const body = path.endsWith("/cancel") ? { when: "now", reason: "other" } : {}
            const res = method === "get" ? await get(token, path) : method === "post" ? await post(token, path, body) : await call(api.delete(path, as(token)))
            expect([path, res.status]).toEqual([path, 404])
          }
        }
        // Nothing of the guest's changed.
        expect(await service().retrieveSubscription(owned.subscription_id)).toMatchObject({ status: "active", cancelled_at: null })
        const [activation] = await service().listLicenseActivations({ id: owned.activation_id })
        expect(activation.deactivated_at).toBeNull()
      })

      it("signing out everywhere from the account's session ends only its own sessions, never the guest's", async () => {
        const intruder = await registerAccount(VICTIM, "Mallory")
        const victim = await emailedSignIn(VICTIM)
        const mallory = await handedSession(intruder.id)
        expect((await call(api.delete("/store/portal/sessions", as(mallory)))).status).toBe(200)
        expect((await get(mallory, "/store/portal/me")).status).toBe(401)
        expect((await get(victim, "/store/portal/me")).status).toBe(200)
      })

      it("the guest's emailed sign-in lands on the guest record and its purchases; a card saved there goes to the guest's account holder, never the account's", async () => {
        const intruder = await registerAccount(VICTIM, "Mallory")
        const token = await emailedSignIn(VICTIM)
        const seen = await everything(token)
        // Signed in as the guest record (its name), with the address proven: the purchases are there.
        expect(seen.me.customer).toMatchObject({ first_name: "Vera" })
        expect(seen.me.identity).toEqual({ email_confirmed: true })
        expect(seen.orders.count).toBe(1)
        expect(seen.keys.license_keys.map((k: any) => k.id)).toEqual([owned.license_key_id])
        expect(seen.invoices.invoices.map((i: any) => i.id)).toContain(owned.invoice_id)
        // The greeting of the email did not use the account's name either.
        expect((await newest(VICTIM, "portal-sign-in")).text).not.toContain("Mallory")

        await saveCard(token, GOOD)
        expect(await cardsKeptFor(guest.id)).toEqual(["4242"])
        expect(await cardsKeptFor(intruder.id)).toEqual([])
        // The profile the victim edits is the guest record's, not the account's.
        expect((await post(token, "/store/portal/me", { first_name: "Vera Maria" })).status).toBe(200)
        const records = getContainer().resolve(Modules.CUSTOMER)
        expect((await records.retrieveCustomer(guest.id)).first_name).toBe("Vera Maria")
        expect((await records.retrieveCustomer(intruder.id)).first_name).toBe("Mallory")
        // And a key the merchant imports for the address goes to the guest record too.
        const csv = `key,email,product_title\nIMPORT-7QX2M-K9RTD-4HVNP,${VICTIM.toUpperCase()},Legacy app\n`
        expect((await api.post("/admin/customer-portal/license-keys/import", { csv, dry_run: false }, admin)).data).toMatchObject({ imported: 1 })
        const [imported] = await service().listLicenseKeys({ key: "IMPORT-7QX2M-K9RTD-4HVNP" })
        expect(imported.customer_id).toBe(guest.id)
      })

      it("a card the victim adds for a subscription of the account (the \"payment failed\" email's lure) is saved with the guest record, never the account's holder", async () => {
        const intruder = await registerAccount(VICTIM, "Mallory")
        await api.post("/admin/customer-portal/plans", { product_variant_id: catalog.variant.id, interval: "month", interval_count: 1 }, admin)
        const { sub } = await subscribeWithCard(getContainer(), { catalog, customer: intruder, cardId: await testCard(api, storeAs(), GOOD) })
        const mallory = await handedSession(intruder.id)
        expect((await payWith(mallory, sub.id, await saveCard(mallory, CHARGE_FAILS))).data.outcome).toBe("updated")
        now = new Date(new Date(sub.next_renewal_at!).getTime() + 1000)
        expect(await renewDueSubscriptions(getContainer())).toMatchObject({ failed: 1 })
        const accountCards = await cardsKeptFor(intruder.id)

        // The victim follows the store's email into the portal and adds a card for the subscription they see.
        const victim = await emailedSignIn(VICTIM)
        const method = await saveCard(victim, GOOD, sub.id)
        expect(await cardsKeptFor(intruder.id)).toEqual(accountCards)
        expect(await cardsKeptFor(guest.id)).toEqual(["4242"])
        // It can pay that subscription, through the guest record's holder.
        const res = await payWith(victim, sub.id, method)
        expect([res.status, res.data.outcome]).toEqual([200, "reactivated"])
        expect(await service().retrieveSubscription(sub.id)).toMatchObject({ customer_id: intruder.id, payment_customer_id: guest.id })
      })

      it("the merchant's \"Create and email link\" for the account signs into the guest record, and the admin's answer carries no link", async () => {
        const intruder = await registerAccount(VICTIM, "Mallory")
        const res = await api.post(`/admin/customers/${intruder.id}/portal-sessions`, { send_email: true }, admin)
        expect(res.data.portal_session).toMatchObject({ link: null, emailed: true })
        const token = (await redeem(tokenOf(linkIn(await newest(VICTIM, "portal-invite"))))).data.session_token
        expect((await get(token, "/store/portal/me")).data.customer.first_name).toBe("Vera")
        expect((await get(token, "/store/portal/orders")).data.count).toBe(1)
      })

      it("the account's holder asking to confirm the address gains nothing: the mailbox's holder opening the link elsewhere is only signed in", async () => {
        const intruder = await registerAccount(VICTIM, "Mallory")
        const mallory = await handedSession(intruder.id)
        expect((await post(mallory, "/store/portal/me/email-confirmation")).status).toBe(202)
        const confirmation = await newest(VICTIM, "email-confirm")
        // The victim opens it in their own browser (no session there, or their own).
        const victim = (await redeem(tokenOf(linkIn(confirmation)))).data.session_token
        expect((await get(victim, "/store/portal/me")).data.customer.first_name).toBe("Vera")
        // Mallory's session, and any later one for the account, still see only the account.
        advance(2 * MINUTE)
        expect((await get(mallory, "/store/portal/me")).data.identity).toEqual(HIDDEN)
        expect((await get(mallory, "/store/portal/orders")).data.count).toBe(0)
        const later = await handedSession(intruder.id)
        expect((await get(later, "/store/portal/orders")).data.count).toBe(0)
        expect(await service().listEmailProofs({ customer_id: intruder.id, method: "session_confirmation" })).toEqual([])
      })
    })

    describe("one person's guest and account records", () => {
      it("a handed link shows one record and says the rest are hidden; a confirmation opened in the same browser joins both, now and in the account's later sessions", async () => {
        const account = await registerAccount(VICTIM, "Vera")
        const token = await handedSession(account.id)
        expect((await get(token, "/store/portal/me")).data.identity).toEqual(HIDDEN)
        expect((await get(token, "/store/portal/orders")).data.count).toBe(0)

        const asked = await post(token, "/store/portal/me/email-confirmation")
        expect(asked.status).toBe(202)
        expect(asked.data.email_confirmation.email).toBe(VICTIM)
        const link = linkIn(await newest(VICTIM, "email-confirm"))
        // Opened in the browser that asked: the session it had ends, the new one sees both records.
        const joined = (await redeem(tokenOf(link), token)).data.session_token
        expect((await get(token, "/store/portal/me")).status).toBe(401)
        const seen = await everything(joined)
        expect(seen.me.identity).toEqual({ email_confirmed: true })
        expect(seen.me.customer.first_name).toBe("Vera")
        expect(seen.orders.count).toBe(1)
        expect(seen.keys.count).toBe(1)
        // Proven once: the merchant's next link for the account joins them at once.
        const later = await handedSession(account.id)
        expect((await get(later, "/store/portal/me")).data.identity).toEqual({ email_confirmed: true })
        expect((await get(later, "/store/portal/orders")).data.count).toBe(1)
        const [proof] = await service().listEmailProofs({ customer_id: account.id, method: "session_confirmation" })
        expect(proof).toMatchObject({ email: VICTIM })
        // Asking again once confirmed is refused, and sends nothing.
        advance(2 * MINUTE)
        const again = await post(later, "/store/portal/me/email-confirmation")
        expect(again.status).toBe(400)
        expect(count(VICTIM, "email-confirm")).toBe(1)
      })

      it("a card the account saved at its own checkout pays the guest record's on-hold subscription through the account's holder, and renews there", async () => {
        const account = await registerAccount(VICTIM, "Vera")
        const accountCard = await testCard(api, storeAs(), GOOD)
        await placeOrder(getContainer(), {
          region_id: catalog.region.id,
          sales_channel_id: catalog.salesChannel.id,
          email: VICTIM,
          customer_id: account.id,
          items: [{ variant_id: catalog.variant.id, quantity: 1 }],
          provider_id: PROVIDER,
          payment_data: { payment_method_id: accountCard, save_payment_method: true },
        })
        expect(await cardsKeptFor(account.id)).toEqual(["4242"])
        const sub = await guestOnHold()

        const token = await emailedSignIn(VICTIM)
        // The guest record's own two cards (the first order's and the failing one), and the account's.
        const offered = (await get(token, `/store/portal/payment-methods?subscription_id=${sub.id}`)).data.payment_methods
        expect(offered.map((m: any) => m.last4).sort()).toEqual(["0341", "4242", "4242"])
        expect(offered.map((m: any) => m.id)).toContain(accountCard)
        const res = await payWith(token, sub.id, accountCard)
        expect([res.status, res.data.outcome]).toEqual([200, "reactivated"])
        expect(await service().retrieveSubscription(sub.id)).toMatchObject({ status: "active", customer_id: guest.id, payment_customer_id: account.id })
        // The renewal order is the guest record's; its payment went through the account's holder.
        const [holder] = await holdersOf(account.id)
        const renewal = await renewalPayments(sub.id)
        expect(renewal).toHaveLength(1)
        expect(renewal[0]).toMatchObject({ customer_id: guest.id, account_holder: holder.external_id })

        // The next renewal charges the same card, the same way.
        advance(32 * 86_400_000)
        expect(await renewDueSubscriptions(getContainer())).toMatchObject({ renewed: 1, failed: 0 })
        expect(await renewalPayments(sub.id)).toHaveLength(2)
      })

      it("a card added for the guest record's subscription in the account's session is saved with the guest record, and pays it", async () => {
        const account = await registerAccount(VICTIM, "Vera")
        const sub = await guestOnHold()
        // The account's holder confirms the address from a merchant's link, in this browser.
        const handed = await handedSession(account.id)
        await post(handed, "/store/portal/me/email-confirmation")
        const token = (await redeem(tokenOf(linkIn(await newest(VICTIM, "email-confirm"))), handed)).data.session_token
        expect((await get(token, "/store/portal/me")).data.customer.first_name).toBe("Vera")

        const before = await cardsKeptFor(account.id)
        const method = await saveCard(token, GOOD, sub.id)
        expect(await cardsKeptFor(account.id)).toEqual(before)
        expect(await cardsKeptFor(guest.id)).toContain("4242")
        const res = await payWith(token, sub.id, method)
        expect([res.status, res.data.outcome]).toEqual([200, "reactivated"])
        // The trail names the card it was paid with.
        const changed = (await get(token, "/store/portal/activity")).data.activity.find((a: any) => a.action === "payment_method_changed")
        expect(changed.details).toMatchObject({ brand: "visa", last4: "4242", reactivated: true })
        // Without a subscription, a new card goes to the session's own record.
        await saveCard(token, "4000 0000 0000 9995")
        expect(await cardsKeptFor(account.id)).toContain("9995")
      })

      it("offers for a subscription only the methods its region takes, and refuses the others with a sentence", async () => {
        const sub = await guestOnHold()
        const token = await emailedSignIn(VICTIM)
        const saved = (await get(token, `/store/portal/payment-methods?subscription_id=${sub.id}`)).data.payment_methods
        expect(saved.length).toBeGreaterThan(0)
        await updateRegionsWorkflow(getContainer()).run({ input: { selector: { id: catalog.region.id }, update: { payment_providers: ["pp_system_default"] } } })
        expect((await get(token, `/store/portal/payment-methods?subscription_id=${sub.id}`)).data.payment_methods).toEqual([])
        const res = await payWith(token, sub.id, saved[0].id)
        expect(res.status).toBe(400)
        expect(res.data.message).toBe("This payment method cannot pay this subscription. Choose another one, or add a new card.")
        expect((await service().retrieveSubscription(sub.id)).status).toBe("on_hold")
        // Another customer's subscription id is a 404, not an empty list.
        expect((await get(token, `/store/portal/payment-methods?subscription_id=sub_01NOTYOURS`)).status).toBe(404)
      })
    })

    describe("changing the email (M1, M2, L1)", () => {
      it("without a sign-in by email in the last ten minutes, the current address must confirm first; the new address hears nothing until then", async () => {
        const handed = await handedSession(guest.id)
        const stale = await emailedSignIn(VICTIM)
        advance(11 * MINUTE)
        for (const token of [handed, stale]) {
          const res = await post(token, "/store/portal/me/email-change", { email: "vera.new@example.com" })
          expect(res.status).toBe(202)
          expect(res.data.email_change).toMatchObject({ email: "vera.new@example.com", awaiting: "current_address" })
          expect((await get(token, "/store/portal/me")).data.profile.pending_email_change).toMatchObject({ awaiting: "current_address" })
        }
        expect(readOutbox(outbox).filter((e) => e.to === "vera.new@example.com")).toEqual([])
        const ask = await newest(VICTIM, "email-change-authorize")
        expect(ask.text).toContain("vera.new@example.com")
        const authorized = await call(api.post("/store/portal/email-changes", { token: ask.text.match(VERIFY)![1] }, storeAs()))
        expect(authorized.data).toEqual({ status: "awaiting_new_address", email: "vera.new@example.com" })
        const verify = await newest("vera.new@example.com", "email-change-verify")
        expect(verify.text).toContain("v•••@example.com")
        expect((await call(api.post("/store/portal/email-changes", { token: verify.text.match(VERIFY)![1] }, storeAs()))).data).toEqual({
          status: "changed",
          email: "vera.new@example.com",
        })
        expect((await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(guest.id)).email).toBe("vera.new@example.com")
      })

      it("onto an address that has someone else's purchases: the same answer and pending change as a free one, a note there, and nothing merged — also when the purchases appear after the link went out", async () => {
        const other = await getContainer().resolve(Modules.CUSTOMER).createCustomers([{ email: "omar@example.com", first_name: "Omar", has_account: false }])
        const [portal] = await service().listCustomerPortals({}, { take: 1 })
        await createOwnedObjects(getContainer(), { portal_id: portal.id, mode: portal.mode, customer_id: other[0].id, tag: "OMAR", now })
        const token = await emailedSignIn(VICTIM)
        const taken = await post(token, "/store/portal/me/email-change", { email: "OMAR@example.com" })
        const takenPending = (await get(token, "/store/portal/me")).data.profile.pending_email_change
        const free = await post(token, "/store/portal/me/email-change", { email: "late@example.com" })
        const freePending = (await get(token, "/store/portal/me")).data.profile.pending_email_change
        expect(Object.keys(taken.data.email_change).sort()).toEqual(Object.keys(free.data.email_change).sort())
        expect([taken.status, taken.data.email_change.awaiting]).toEqual([free.status, free.data.email_change.awaiting])
        expect(Object.keys(takenPending).sort()).toEqual(Object.keys(freePending).sort())
        const note = await newest("omar@example.com", "email-change-unavailable")
        expect(note.text).not.toMatch(VERIFY)

        // The free address gets a link; before it is used, a guest buys with that address.
        const verify = await newest("late@example.com", "email-change-verify")
        const [late] = await getContainer().resolve(Modules.CUSTOMER).createCustomers([{ email: "Late@Example.com", first_name: "Lee", has_account: false }])
        await createOwnedObjects(getContainer(), { portal_id: portal.id, mode: portal.mode, customer_id: late.id, tag: "LEE", now })
        const refused = await call(api.post("/store/portal/email-changes", { token: verify.text.match(VERIFY)![1] }, storeAs()))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe("This address cannot be used for this account, so nothing was changed. Choose another address from your profile.")
        expect((await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(guest.id)).email).toBe(VICTIM)
        advance(2 * MINUTE)
        expect((await get(token, "/store/portal/license-keys")).data.count).toBe(1)
        // The refused link can be tried again later (it was given back), and is refused again.
        expect((await call(api.post("/store/portal/email-changes", { token: verify.text.match(VERIFY)![1] }, storeAs()))).status).toBe(400)
      })

      it("after a change every other session and unused link ends, the one that asked stays; the old address can undo it, which puts the address and the password back and signs everyone out", async () => {
        const account = await registerAccount(VICTIM, "Vera")
        const fresh = await emailedSignIn(VICTIM)
        const other = await emailedSignIn(VICTIM)
        const handed = await handedSession(account.id)
        const unused = (await api.post(`/admin/customers/${guest.id}/portal-sessions`, {}, admin)).data.portal_session.link
        // The guest record is the one signed in (the account was never confirmed): its address changes.
        expect((await post(fresh, "/store/portal/me/email-change", { email: "vera.new@example.com" })).data.email_change.awaiting).toBe("new_address")
        const verify = await newest("vera.new@example.com", "email-change-verify")
        expect((await call(api.post("/store/portal/email-changes", { token: verify.text.match(VERIFY)![1] }, storeAs()))).data.status).toBe("changed")

        expect((await get(fresh, "/store/portal/me")).status).toBe(200)
        expect((await get(other, "/store/portal/me")).status).toBe(401)
        expect((await redeem(tokenOf(unused))).status).toBe(404)
        // The account's own session (another record) is not this change's business.
        expect((await get(handed, "/store/portal/me")).status).toBe(200)

        const notice = await newest(VICTIM, "email-changed")
        expect(notice.text).toContain("vera.new@example.com")
        const undo = notice.text.match(VERIFY)![1]
        const preview = await call(api.post("/store/portal/link-previews", { token: undo }, storeAs()))
        expect(preview.data.link).toMatchObject({ purpose: "email_change_undo", email: "v•••@example.com", new_email: "v•••@example.com" })
        const expiresIn = new Date(preview.data.link.expires_at).getTime() - now.getTime()
        expect(expiresIn).toBe(7 * 24 * 60 * MINUTE)
        expect((await call(api.post("/store/portal/email-changes", { token: undo }, storeAs()))).data).toEqual({ status: "restored", email: VICTIM })
        expect((await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(guest.id)).email).toBe(VICTIM)
        expect((await get(fresh, "/store/portal/me")).status).toBe(401)
        expect((await call(api.post("/store/portal/email-changes", { token: undo }, storeAs()))).status).toBe(404)
      })

      it("an account's password login moves with a change and comes back with its undo", async () => {
        const account = await registerAccount("sam@example.com", "Sam")
        const login = (email: string) => call(api.post("/auth/customer/emailpass", { email, password: PASSWORD }))
        const token = await emailedSignIn("sam@example.com")
        await post(token, "/store/portal/me/email-change", { email: "sam.new@example.com" })
        const verify = await newest("sam.new@example.com", "email-change-verify")
        await call(api.post("/store/portal/email-changes", { token: verify.text.match(VERIFY)![1] }, storeAs()))
        expect((await login("sam.new@example.com")).status).toBe(200)
        expect((await login("sam@example.com")).status).toBe(401)
        const undo = (await newest("sam@example.com", "email-changed")).text.match(VERIFY)![1]
        await call(api.post("/store/portal/email-changes", { token: undo }, storeAs()))
        expect((await login("sam@example.com")).status).toBe(200)
        expect((await login("sam.new@example.com")).status).toBe(401)
        expect((await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(account.id)).email).toBe("sam@example.com")
      })
    })

    describe("one form of an address everywhere (L12)", () => {
      it("a sign-in request with a full-width, upper-case address reaches the guest record", async () => {
        const token = await emailedSignIn("ＶＥＲＡ@Example.com ", VICTIM)
        expect((await get(token, "/store/portal/me")).data.customer.first_name).toBe("Vera")
      })
    })

    describe("login CSRF (L2)", () => {
      it("a link's page learns which account it signs into, masked, and whether this browser is signed in as someone else; continuing ends that session", async () => {
        const [omar] = await getContainer().resolve(Modules.CUSTOMER).createCustomers([{ email: "omar@example.com", first_name: "Omar", has_account: true }])
        const mine = await handedSession(guest.id)
        const { link } = (await api.post(`/admin/customers/${omar.id}/portal-sessions`, {}, admin)).data.portal_session
        const anonymous = await call(api.post("/store/portal/link-previews", { token: tokenOf(link) }, storeAs()))
        expect(anonymous.data).toEqual({ link: { purpose: "invite", email: "o•••@example.com", new_email: null, expires_at: expect.any(String) }, signed_in: null })
        const withSession = await call(api.post("/store/portal/link-previews", { token: tokenOf(link) }, as(mine)))
        expect(withSession.data.signed_in).toEqual({ email: "v•••@example.com", same_customer: false })
        expect(JSON.stringify(withSession.data)).not.toMatch(/cus_|omar@|vera@/)
        // Previewing uses nothing; continuing signs in as Omar and ends the session this browser had.
        const omarSession = (await redeem(tokenOf(link), mine)).data.session_token
        expect((await get(omarSession, "/store/portal/me")).data.customer.first_name).toBe("Omar")
        expect((await get(mine, "/store/portal/me")).status).toBe(401)
        expect((await call(api.post("/store/portal/link-previews", { token: tokenOf(link) }, storeAs()))).status).toBe(404)
      })
    })

    /** The guest record's subscription, put on hold by a failed renewal (its card saves but cannot be charged). */
    async function guestOnHold() {
      await api.post("/admin/customer-portal/plans", { product_variant_id: catalog.variant.id, interval: "month", interval_count: 1 }, admin)
      const { sub } = await subscribeWithCard(getContainer(), { catalog, customer: guest, cardId: await testCard(api, storeAs(), GOOD) })
      const token = await emailedSignIn(VICTIM)
      const failing = await saveCard(token, CHARGE_FAILS)
      expect((await payWith(token, sub.id, failing)).data.outcome).toBe("updated")
      now = new Date(new Date(sub.next_renewal_at!).getTime() + 1000)
      expect(await renewDueSubscriptions(getContainer())).toMatchObject({ failed: 1 })
      clearOutbox(outbox)
      return await service().retrieveSubscription(sub.id)
    }

    /** The payments of a subscription's renewal orders: whose order, and which account holder the provider charged. */
    async function renewalPayments(subscriptionId: string) {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["customer_id", "metadata", "payment_collections.payments.data"], filters: {} })
      return data
        .filter((o: any) => o.metadata?.customer_portal_renewal_of === subscriptionId)
        .flatMap((o: any) => o.payment_collections.flatMap((c: any) => c.payments.map((p: any) => ({ customer_id: o.customer_id, account_holder: p.data?.account_holder }))))
    }
  },
})

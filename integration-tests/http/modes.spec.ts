import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { completeCartWorkflow, createCartWorkflow, createPaymentCollectionForCartWorkflow, createPaymentSessionsWorkflow } from "@medusajs/medusa/core-flows"
import { clock } from "../../src/lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../src/modules/customer-portal"
import type CustomerPortalModuleService from "../../src/modules/customer-portal/service"
import { periodLine } from "../../src/workflows/billing/charge-attempt"
import { owedInvoice } from "../../src/workflows/billing/subscription-invoice"
import { changeSubscriptionPaymentMethodWorkflow } from "../../src/workflows/change-payment-method"
import { renewSubscriptionWorkflow } from "../../src/workflows/renew-subscription"
import { createAdminHeaders, createStoreHeaders } from "../helpers/auth"
import { createDigitalCatalog } from "../helpers/catalog"
import { clearOutbox, readOutbox, useOutbox, waitForEmails } from "../helpers/outbox"
import { subscribeWithCard } from "../helpers/subscriptions"
import { testCard } from "../helpers/test-cards"

jest.setTimeout(240_000)

const outbox = useOutbox()
const PROVIDER = "pp_test-card_test"

/**
 * M3: test and live never mix. A record's mode is the mode of the money that
 * paid for it; test money never pays a live record, at any layer (the portal's
 * own checks and the test card provider itself), whatever the portal's
 * setting; a session sees one mode, its orders and activity included; a
 * stranger gets no link of the mode the portal does not run in.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    let catalog: Awaited<ReturnType<typeof createDigitalCatalog>>
    let customer: { id: string; email: string }
    const service = () => getContainer().resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
    const db = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const call = (p: Promise<any>) => p.catch((e: any) => e.response)
    const portalAs = (token: string) => ({ headers: { ...store.headers, authorization: `Bearer ${token}` } })
    const ordersOf = async (subId: string) =>
      (await db().raw(`SELECT count(*)::int AS n FROM cart WHERE metadata->>'customer_portal_renewal_of' = ? AND completed_at IS NOT NULL`, [subId])).rows[0].n

    /** A session of `mode` for the customer, from a link the merchant hands over. */
    async function sessionIn(mode: "test" | "live") {
      const { link } = (await api.post(`/admin/customers/${customer.id}/portal-sessions`, { mode }, admin)).data.portal_session
      return (await api.post("/store/portal/sessions", { token: link.split(/[/#=]/).pop() }, store)).data.session_token as string
    }

    /** A subscription started with a test card (a test record), then made live as a live one carrying a test card would be. */
    async function liveSubscriptionOnTestCard() {
      const { sub, order } = await subscribeWithCard(getContainer(), { catalog, customer, cardId: await testCard(api, store, "4242 4242 4242 4242") })
      expect(sub.mode).toBe("test")
      await db().raw(`UPDATE subscription SET mode = 'live' WHERE id = ?`, [sub.id])
      await db().raw(`UPDATE invoice SET mode = 'live' WHERE subscription_id = ? OR order_id = ?`, [sub.id, order.id])
      return { sub: await service().retrieveSubscription(sub.id), order }
    }

    /** Puts a subscription on hold with its dues invoice open, as a failed renewal leaves it. */
    async function onHold(subId: string) {
      const now = clock.now()
      await service().updateSubscriptions({ id: subId, status: "on_hold", on_hold_since: now, next_renewal_at: null } as any)
      const sub = await service().retrieveSubscription(subId)
      return owedInvoice(getContainer(), sub, now, "Visa •••• 4242")
    }

    beforeEach(async () => {
      jest.restoreAllMocks()
      clearOutbox(outbox)
      const container = getContainer()
      admin = await createAdminHeaders(container)
      store = await createStoreHeaders(container)
      catalog = await createDigitalCatalog(container, 20)
      expect((await api.post("/admin/customer-portal/plans", { product_variant_id: catalog.variant.id, interval: "month" }, admin)).status).toBe(201)
      const [created] = await container.resolve(Modules.CUSTOMER).createCustomers([{ email: "layla@example.com", first_name: "Layla", has_account: true }])
      customer = { id: created.id, email: created.email! }
    })

    it("gives an order, its invoice, subscription and keys the mode of the money that paid it, not the portal's", async () => {
      // What the test card paid for is test.
      const { sub, order } = await subscribeWithCard(getContainer(), { catalog, customer, cardId: await testCard(api, store, "4242 4242 4242 4242") })
      const [invoice] = await service().listInvoices({ order_id: order.id })
      expect([sub.mode, invoice.mode]).toEqual(["test", "test"])

      // A live order (another provider) is live whatever the portal's mode: the test session does not see it, the live one does.
      await db().raw(`UPDATE invoice SET mode = 'live' WHERE id = ?`, [invoice.id])
      const test = await sessionIn("test")
      const live = await sessionIn("live")
      expect((await api.get("/store/portal/orders", portalAs(test))).data.count).toBe(0)
      expect((await api.get("/store/portal/invoices", portalAs(test))).data.invoices.map((i: any) => i.id)).not.toContain(invoice.id)
      const seen = (await api.get("/store/portal/orders", portalAs(live))).data
      expect(seen.count).toBe(1)
      expect(seen.orders[0]).toMatchObject({ total: 20 })
    })

    it("never renews a live subscription with a test card, whatever the portal's mode: it goes on hold with a code, no order placed", async () => {
      const { sub } = await liveSubscriptionOnTestCard()
      const portal = (await service().listCustomerPortals({}, { take: 1 }))[0]
      expect(portal.mode).toBe("test")
      jest.spyOn(clock, "now").mockImplementation(() => new Date(new Date(sub.next_renewal_at!).getTime() + 1000))
      const { result } = await renewSubscriptionWorkflow(getContainer()).run({ input: { subscription_id: sub.id } })
      expect(result).toMatchObject({ outcome: "failed", code: "test_payment_method_for_live" })
      expect(await ordersOf(sub.id)).toBe(0)
      expect((await service().retrieveSubscription(sub.id)).status).toBe("on_hold")
      const [renewal] = await service().listInvoices({ subscription_id: sub.id, source_type: "renewal" })
      expect(renewal).toMatchObject({ status: "open", charge_cart_id: null })
    })

    it("does not reactivate a live on-hold subscription with 4242 while the portal is in test mode", async () => {
      const { sub } = await liveSubscriptionOnTestCard()
      const dues = await onHold(sub.id)
      const live = await sessionIn("live")

      // The live session sees no test cards, and cannot save one.
      expect((await api.get(`/store/portal/payment-methods?subscription_id=${sub.id}`, portalAs(live))).data.payment_methods).toEqual([])
      const saved = await call(api.post("/store/portal/payment-methods", { provider_id: PROVIDER, payment_method_id: await testCard(api, store, "4242 4242 4242 4242") }, portalAs(live)))
      expect(saved.status).toBe(400)
      expect(saved.data).toMatchObject({ code: "test_payment_method_for_live" })
      expect(saved.data.message).toMatch(/test card cannot pay/i)

      // Nor does any other path: the workflow itself refuses, under the subscription's lock, and nothing changes.
      const holder = (await getContainer().resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "customer", fields: ["account_holders.*"], filters: { id: customer.id } })).data[0]
        .account_holders[0]
      const err = await changeSubscriptionPaymentMethodWorkflow(getContainer())
        .run({
          input: {
            subscription_id: sub.id,
            payment_method: { id: sub.payment_method_id!, provider_id: PROVIDER, customer_id: customer.id, account_holder_id: holder.id, brand: "visa", last4: "4242", exp_month: 12, exp_year: 2040 },
            actor: { type: "customer", id: customer.id },
          },
        })
        .then(() => null, (e: any) => e)
      expect(err).toMatchObject({ code: "test_payment_method_for_live" })
      expect((await service().retrieveSubscription(sub.id)).status).toBe("on_hold")
      expect(await service().retrieveInvoice(dues.id)).toMatchObject({ status: "open", charge_cart_id: null })
      expect(await ordersOf(sub.id)).toBe(0)
    })

    it("the test card provider itself refuses a charge of a live invoice, even when the portal's checks are bypassed", async () => {
      const { sub } = await liveSubscriptionOnTestCard()
      const dues = await onHold(sub.id)
      const container = getContainer()
      const fence = await service().takeChargeFence(sub.id)
      const { result: cart } = await createCartWorkflow(container).run({
        input: { region_id: sub.region_id!, sales_channel_id: sub.sales_channel_id!, customer_id: customer.id, email: customer.email, currency_code: "usd", items: [periodLine(sub)] },
      })
      expect(await service().attachChargeAttempt({ invoice_id: dues.id, subscription_id: sub.id, fence, cart_id: cart.id, attempt: { provider_id: PROVIDER } as any })).toBe(true)
      const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
      await createPaymentSessionsWorkflow(container).run({
        input: { payment_collection_id: collection.id, provider_id: PROVIDER, customer_id: customer.id, data: { payment_method_id: sub.payment_method_id } },
      })
      const err = await completeCartWorkflow(container)
        .run({ input: { id: cart.id } })
        .then(() => null, (e: any) => e)
      expect(String(err?.message)).toMatch(/test card cannot pay for a live subscription/i)
      expect((await db().raw(`SELECT completed_at FROM cart WHERE id = ?`, [cart.id])).rows[0].completed_at).toBeNull()
    })

    it("sends a stranger's sign-in request a link only in the mode the portal runs in", async () => {
      const portal = (await api.get("/admin/customer-portal", admin)).data.customer_portal
      // One address per request: each address has its own limit of sign-in requests.
      const people = await getContainer()
        .resolve(Modules.CUSTOMER)
        .createCustomers(["a", "b", "c", "d"].map((tag) => ({ email: `${tag}@example.com`, has_account: true })))
      const [a, b, c, d] = people.map((p) => p.email!)
      const ask = (email: string, mode?: "test" | "live") => api.post("/store/portal/login-requests", { business_id: portal.business_id, email, ...(mode ? { mode } : {}) }, store)
      const nothingSentTo = async (email: string) => {
        await new Promise((r) => setTimeout(r, 1500))
        expect(readOutbox(outbox).filter((e) => e.to === email)).toHaveLength(0)
      }
      const linkModeOf = async (email: string) => {
        const [sent] = await waitForEmails(outbox, email)
        expect(sent.template).toBe("portal-sign-in")
        const customerId = people.find((p) => p.email === email)!.id
        const [link] = await service().listPortalLinks({ customer_id: customerId, kind: "magic" } as any, { order: { created_at: "DESC" }, take: 1 })
        return link.mode
      }
      // The portal is in test mode: a request naming live is answered alike, and nothing is sent.
      expect((await ask(a, "live")).status).toBe(202)
      await nothingSentTo(a)
      expect((await ask(b, "test")).status).toBe(202)
      expect(await linkModeOf(b)).toBe("test")

      // Live now: a request naming test gets nothing; one naming no mode is answered with a live link.
      await service().updateCustomerPortals({ id: portal.id, mode: "live" })
      expect((await ask(c, "test")).status).toBe(202)
      await nothingSentTo(c)
      expect((await ask(d)).status).toBe(202)
      expect(await linkModeOf(d)).toBe("live")
    })

    it("a test session changes nothing about a customer with live records: name, phone and email stay", async () => {
      const test = await sessionIn("test")
      // Without live records the customer may change their details in a test session.
      expect((await call(api.post("/store/portal/me", { first_name: "Layla T" }, portalAs(test)))).status).toBe(200)

      await liveSubscriptionOnTestCard()
      const before = await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(customer.id)
      const profile = await call(api.post("/store/portal/me", { first_name: "Tester", phone: "+971501234567" }, portalAs(test)))
      expect(profile.status).toBe(400)
      expect(profile.data).toMatchObject({ code: "test_session_live_customer" })
      const email = await call(api.post("/store/portal/me/email-change", { email: "tester@example.com" }, portalAs(test)))
      expect(email.status).toBe(400)
      expect(email.data.code).toBe("test_session_live_customer")
      const after = await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(customer.id)
      expect(after).toMatchObject({ first_name: before.first_name, phone: before.phone, email: before.email })
      expect((await api.get("/store/portal/me", portalAs(test))).data.profile.pending_email_change).toBeNull()

      // A live session may.
      const live = await sessionIn("live")
      expect((await call(api.post("/store/portal/me", { first_name: "Layla" }, portalAs(live)))).status).toBe(200)
    })

    it("shows a session the activity of its own mode and what belongs to the person in both", async () => {
      const portal = (await api.get("/admin/customer-portal", admin)).data.customer_portal
      await service().createPortalActivities([
        { portal_id: portal.id, customer_id: customer.id, mode: "live", action: "subscription_renewed", actor_type: "system", details: { plan: "Live plan" } },
        { portal_id: portal.id, customer_id: customer.id, mode: "test", action: "subscription_renewed", actor_type: "system", details: { plan: "Test plan" } },
        { portal_id: portal.id, customer_id: customer.id, mode: null, action: "profile_updated", actor_type: "customer", details: { fields: ["first_name"] } },
      ] as any)
      const plansSeen = async (mode: "test" | "live") =>
        (await api.get("/store/portal/activity", portalAs(await sessionIn(mode)))).data.activity
          .filter((a: any) => ["subscription_renewed", "profile_updated"].includes(a.action))
          .map((a: any) => a.details.plan ?? a.action)
          .sort()
      expect(await plansSeen("test")).toEqual(["Test plan", "profile_updated"])
      expect(await plansSeen("live")).toEqual(["Live plan", "profile_updated"])
    })

    it("emails about a subscription link to the static sign-in page of its mode and mint no sign-in link", async () => {
      const { sub } = await subscribeWithCard(getContainer(), { catalog, customer, cardId: await testCard(api, store, "4242 4242 4242 4242") })
      const links = async () => (await service().listPortalLinks({ customer_id: customer.id, kind: "magic" } as any)).length
      const before = await links()
      const token = await sessionIn("test")
      const minted = (await links()) - before
      clearOutbox(outbox)
      expect((await api.post(`/store/portal/subscriptions/${sub.id}/cancel`, { when: "period_end", reason: "unused" }, portalAs(token))).status).toBe(200)
      expect((await api.post(`/store/portal/subscriptions/${sub.id}/undo-cancel`, {}, portalAs(token))).status).toBe(200)
      const emails = await waitForEmails(outbox, customer.email, 2)
      const portal = (await service().listCustomerPortals({}, { take: 1 }))[0]
      for (const email of emails) {
        expect(email.text).toContain(`/en/portal/login/${portal.business_id}?mode=test`)
        expect(email.text).not.toContain("/portal/access")
      }
      expect((await links()) - before).toBe(minted)
    })
  },
})

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { placeOrder } from "../../scripts/fixtures/commerce"
import { clock } from "../../src/lib/clock"
import { renewDueSubscriptions } from "../../src/lib/renew-due-subscriptions"
import { renewSubscriptionWorkflow } from "../../src/workflows/renew-subscription"
import { CUSTOMER_PORTAL_MODULE } from "../../src/modules/customer-portal"
import type CustomerPortalModuleService from "../../src/modules/customer-portal/service"
import { createAdminHeaders, createStoreHeaders, portalSession } from "../helpers/auth"
import { subscribeWithCard } from "../helpers/subscriptions"
import { testCard } from "../helpers/test-cards"
import { createDigitalCatalog } from "../helpers/catalog"
import { subscriptionUnlocked } from "../helpers/locks"
import { waitFor } from "../helpers/wait"
import { clearOutbox, readOutbox, useOutbox, waitForEmails } from "../helpers/outbox"

jest.setTimeout(240_000)

const outbox = useOutbox()
const PROVIDER = "pp_test-card_test"
const DAY = 86_400_000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    let catalog: Awaited<ReturnType<typeof createDigitalCatalog>>
    let customer: { id: string; email: string }
    const service = () => getContainer().resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
    const card = (number: string) => testCard(api, store, number)
    const subscribe = async (number = "4242 4242 4242 4242") => subscribeWithCard(getContainer(), { catalog, customer, cardId: await card(number) })
    /** Switches a subscription to another saved card directly in the data (the portal route is tested in reactivation.spec). */
    const switchCard = async (subId: string, number: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [c],
      } = await query.graph({ entity: "customer", fields: ["account_holders.*"], filters: { id: customer.id } })
      const holder = c.account_holders.find((h: any) => h.provider_id === PROVIDER)
      const saved = await getContainer()
        .resolve(Modules.PAYMENT)
        .createPaymentMethods({ provider_id: PROVIDER, data: { payment_method_id: await card(number) }, context: { account_holder: holder } })
      await service().updateSubscriptions({ id: subId, payment_method_id: saved.id, payment_method_last4: String(saved.data!.last4) })
    }
    const at = (date: Date) => jest.spyOn(clock, "now").mockImplementation(() => new Date(date))
    const renewalOrders = async () =>
      (await getContainer().resolve(Modules.ORDER).listOrders({ customer_id: customer.id }, { select: ["id", "metadata"] })).filter(
        (o: any) => o.metadata?.customer_portal_renewal_of
      )

    beforeEach(async () => {
      jest.restoreAllMocks()
      clearOutbox(outbox)
      const container = getContainer()
      admin = await createAdminHeaders(container)
      store = await createStoreHeaders(container)
      catalog = await createDigitalCatalog(container, 20)
      const [created] = await container.resolve(Modules.CUSTOMER).createCustomers([
        { email: "layla@example.com", first_name: "Layla", last_name: "Haddad", has_account: true },
      ])
      customer = { id: created.id, email: created.email }
      const plan = await api.post("/admin/customer-portal/plans", { product_variant_id: catalog.variant.id, interval: "month", interval_count: 1 }, admin)
      expect(plan.status).toBe(201)
    })

    describe("plans in the admin", () => {
      it("marks a variant as a plan, changes its interval, lists and removes it", async () => {
        const changed = await api.post("/admin/customer-portal/plans", { product_variant_id: catalog.variant.id, interval: "year", interval_count: 2 }, admin)
        expect(changed.status).toBe(200)
        expect(changed.data.plan).toMatchObject({ product_variant_id: catalog.variant.id, interval: "year", interval_count: 2 })
        const listed = (await api.get(`/admin/customer-portal/plans?product_variant_id=${catalog.variant.id}`, admin)).data
        expect(listed.plans.map((p: any) => p.id)).toEqual([changed.data.plan.id])
        await api.delete(`/admin/customer-portal/plans/${changed.data.plan.id}`, admin)
        expect((await api.get("/admin/customer-portal/plans", admin)).data.count).toBe(0)
      })

      it.each([
        [{ product_variant_id: "variant_missing", interval: "month" }, 404, /no product variant/],
        [{ interval: "fortnight" }, 400, /day, week, month, year.*interval/],
        [{ interval: "month", interval_count: 0 }, 400, /interval_count/],
        [{ interval: "month", metadata: {} }, 400, /metadata/],
      ])("refuses %j", async (body, status, message) => {
        const res = await api
          .post("/admin/customer-portal/plans", { product_variant_id: catalog.variant.id, ...body }, admin)
          .catch((e: any) => e.response)
        expect(res.status).toBe(status)
        expect(res.data.message).toMatch(message)
      })
    })

    describe("start", () => {
      it("an order of a plan paid with a saved card starts an active subscription with its first period", async () => {
        const { order, sub } = await subscribe()
        const placed = await getContainer().resolve(Modules.ORDER).retrieveOrder(order.id)
        const start = new Date(placed.created_at)
        const end = new Date(start)
        end.setUTCMonth(end.getUTCMonth() + 1)
        expect(sub).toMatchObject({
          status: "active",
          customer_id: customer.id,
          product_variant_id: catalog.variant.id,
          interval: "month",
          interval_count: 1,
          currency_code: "usd",
          payment_provider_id: PROVIDER,
          payment_method_brand: "visa",
          payment_method_last4: "4242",
        })
        expect(Number(sub.amount)).toBe(2000)
        expect(new Date(sub.current_period_start).getTime()).toBe(start.getTime())
        expect(new Date(sub.next_renewal_at!).getTime()).toBe(end.getTime())
      })

      it("an order paid without a saved method starts none", async () => {
        const order = await placeOrder(getContainer(), {
          region_id: catalog.region.id,
          sales_channel_id: catalog.salesChannel.id,
          email: customer.email,
          customer_id: customer.id,
          items: [{ variant_id: catalog.variant.id, quantity: 1 }],
          provider_id: PROVIDER,
          payment_data: { payment_method_id: await card("4242 4242 4242 4242") },
        })
        await waitFor(() => service().listInvoices({ order_id: order.id }), (l) => l.length === 1)
        expect(await service().listSubscriptions({ order_id: order.id })).toHaveLength(0)
      })
    })

    describe("renewal", () => {
      it("charges the saved card as an order, pays the period's invoice and starts the next period", async () => {
        const { sub } = await subscribe()
        const due = new Date(sub.next_renewal_at!)
        at(new Date(due.getTime() + 1000))
        expect(await renewDueSubscriptions(getContainer())).toEqual({ renewed: 1, failed: 0, ended: 0, skipped: 0 })

        const renewed = await service().retrieveSubscription(sub.id)
        expect(renewed.status).toBe("active")
        expect(new Date(renewed.current_period_start).getTime()).toBe(due.getTime())
        const next = new Date(due)
        next.setUTCMonth(next.getUTCMonth() + 1)
        expect(new Date(renewed.next_renewal_at!).getTime()).toBe(next.getTime())

        const [invoice] = await service().listInvoices({ subscription_id: sub.id }, { relations: ["lines"] })
        expect(invoice).toMatchObject({ source_type: "renewal", status: "paid", payment_method_label: "Visa •••• 4242" })
        expect(Number(invoice.total)).toBe(2000)
        // Its lines are the renewal order's, as charged.
        expect(invoice.lines.map((l) => [l.title, l.quantity, Number(l.total)])).toEqual([["Desktop app · 1 seat", 1, 2000]])
        const [order] = await renewalOrders()
        expect(invoice.order_id).toBe(order.id)
        // The merchant sees the renewal as an order with a captured payment, billed on the renewal invoice only.
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const {
          data: [placed],
        } = await query.graph({ entity: "order", fields: ["payment_collections.payments.captures.id", "total"], filters: { id: order.id } })
        expect(placed.payment_collections[0].payments[0].captures).toHaveLength(1)
        await new Promise((r) => setTimeout(r, 1500))
        expect(await service().listInvoices({ order_id: order.id, source_type: "order" })).toHaveLength(0)

        // Nothing is due any more: a second run charges nothing.
        expect(await renewDueSubscriptions(getContainer())).toEqual({ renewed: 0, failed: 0, ended: 0, skipped: 0 })
        expect(await renewalOrders()).toHaveLength(1)
      })

      it.each([
        ["4000 0000 0000 0341", "Your card was declined. Try another card."],
        ["4000 0000 0000 9995", "Your card has insufficient funds. Try another card."],
        ["4000 0025 0000 3155", "Your bank asks you to confirm this payment. Update your payment method to continue."],
      ])("a failed charge with %s puts it on hold, leaves the invoice open and emails the sign-in page", async (number, reason) => {
        const { sub } = await subscribe()
        await switchCard(sub.id, number)
        const now = new Date(new Date(sub.next_renewal_at!).getTime() + 1000)
        at(now)
        expect(await renewDueSubscriptions(getContainer())).toEqual({ renewed: 0, failed: 1, ended: 0, skipped: 0 })
        const held = await service().retrieveSubscription(sub.id)
        expect(held).toMatchObject({ status: "on_hold", next_renewal_at: null })
        expect(new Date(held.on_hold_since!).getTime()).toBe(now.getTime())
        const [invoice] = await service().listInvoices({ subscription_id: sub.id })
        expect(invoice).toMatchObject({ status: "open", paid_at: null, metadata: { last_payment_error: reason } })
        expect(await renewalOrders()).toHaveLength(0)

        const [email] = await waitForEmails(outbox, customer.email)
        expect(email.template).toBe("subscription-payment-failed")
        expect(email.subject).toMatch(/failed — update your payment method/)
        // To the sign-in page of the subscription's mode: an email about a subscription mints no sign-in link (L3).
        expect(email.text).toMatch(/\/en\/portal\/login\/bus_[a-z0-9]+\?mode=test/)
        expect(email.text).not.toContain("/portal/access")

        // On hold is never renewed automatically, however late it gets.
        at(new Date(now.getTime() + 90 * DAY))
        expect(await renewDueSubscriptions(getContainer())).toEqual({ renewed: 0, failed: 0, ended: 0, skipped: 0 })
        expect((await service().retrieveSubscription(sub.id)).status).toBe("on_hold")
        expect(await service().listInvoices({ subscription_id: sub.id })).toHaveLength(1)
      })

      it("ten renewals of one subscription at once charge it once", async () => {
        const { sub } = await subscribe()
        at(new Date(new Date(sub.next_renewal_at!).getTime() + 1000))
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, () => renewSubscriptionWorkflow(getContainer()).run({ input: { subscription_id: sub.id } }))
        )
        const outcomes = results.map((r) => (r.status === "fulfilled" ? r.value.result.outcome : "locked"))
        expect(outcomes.filter((o) => o === "renewed")).toHaveLength(1)
        expect(outcomes.filter((o) => o === "skipped")).toHaveLength(9)
        expect(await renewalOrders()).toHaveLength(1)
        expect((await service().listInvoices({ subscription_id: sub.id })).map((i) => i.status)).toEqual(["paid"])
      })

      it("three job runs at once charge each due period once", async () => {
        const subs = [(await subscribe()).sub, (await subscribe()).sub, (await subscribe()).sub]
        const latest = Math.max(...subs.map((s) => new Date(s.next_renewal_at!).getTime()))
        at(new Date(latest + 1000))
        const runs = await Promise.all([renewDueSubscriptions(getContainer()), renewDueSubscriptions(getContainer()), renewDueSubscriptions(getContainer())])
        expect(runs.reduce((n, r) => n + r.renewed, 0)).toBe(3)
        expect(runs.reduce((n, r) => n + r.failed, 0)).toBe(0)
        expect(await renewalOrders()).toHaveLength(3)
        for (const sub of subs) {
          const invoices = await service().listInvoices({ subscription_id: sub.id })
          expect(invoices.map((i) => i.status)).toEqual(["paid"])
        }
        // No lock is left behind.
        for (const sub of subs) expect(await subscriptionUnlocked(getContainer(), sub.id)).toBe(true)
      })
      it("the job takes due subscriptions a batch at a time, several at once, and starts none after its deadline", async () => {
        const subs = [(await subscribe()).sub, (await subscribe()).sub, (await subscribe()).sub]
        const latest = Math.max(...subs.map((s) => new Date(s.next_renewal_at!).getTime()))
        const now = new Date(latest + 1000)
        at(now)
        expect(await renewDueSubscriptions(getContainer(), { batchSize: 1, deadline: new Date(now.getTime() - 1) })).toEqual({ renewed: 0, failed: 0, ended: 0, skipped: 0 })
        expect(await renewalOrders()).toHaveLength(0)
        expect(await renewDueSubscriptions(getContainer(), { batchSize: 2, concurrency: 2 })).toEqual({ renewed: 3, failed: 0, ended: 0, skipped: 0 })
        expect(await renewalOrders()).toHaveLength(3)
        expect(await renewDueSubscriptions(getContainer(), { batchSize: 2, concurrency: 2 })).toEqual({ renewed: 0, failed: 0, ended: 0, skipped: 0 })
      })
    })

    describe("in the portal (P2)", () => {
      let token: string
      const portal = (method: "get" | "post", path: string, body?: unknown) =>
        (method === "get"
          ? api.get(path, { headers: { ...store.headers, authorization: `Bearer ${token}` } })
          : api.post(path, body, { headers: { ...store.headers, authorization: `Bearer ${token}` } })
        ).catch((e: any) => e.response)
      const settings = (update: Record<string, unknown>) => api.post("/admin/customer-portal", update, admin)

      /** A fresh session (also after the clock moved a month on, past the last one's end). */
      const signIn = async () => {
        token = await portalSession(api, admin, store, customer.id)
      }

      beforeEach(signIn)

      it("lists current subscriptions with the payment method and what the customer may do", async () => {
        const { sub } = await subscribe()
        const { data } = await portal("get", "/store/portal/subscriptions?state=current")
        expect(data.count).toBe(1)
        expect(data.subscriptions[0]).toMatchObject({
          id: sub.id,
          status: "active",
          amount: 2000,
          currency_code: "usd",
          interval: "month",
          payment_method: { brand: "visa", last4: "4242" },
          outstanding: null,
          actions: { cancel: ["now", "period_end"], undo_cancel: false },
        })
        expect(JSON.stringify(data)).not.toMatch(/cus_|acchld_|tcard_|order_/)
        expect((await portal("get", "/store/portal/subscriptions?state=past")).data.count).toBe(0)
        expect((await portal("get", `/store/portal/subscriptions/${sub.id}`)).data.subscription.id).toBe(sub.id)
      })

      it("cancels now: ended at once, listed as past, a reason kept and an email sent", async () => {
        const { sub } = await subscribe()
        const res = await portal("post", `/store/portal/subscriptions/${sub.id}/cancel`, { when: "now", reason: "too_expensive", comment: "Budget cuts" })
        expect(res.status).toBe(200)
        expect(res.data.subscription).toMatchObject({ status: "cancelled", cancellation_reason: "too_expensive", next_renewal_at: null })
        const stored = await service().retrieveSubscription(sub.id)
        expect(stored).toMatchObject({ status: "cancelled", cancellation_comment: "Budget cuts" })
        expect(stored.ended_at).not.toBeNull()
        expect((await portal("get", "/store/portal/subscriptions?state=past")).data.subscriptions.map((s: any) => s.id)).toEqual([sub.id])
        const [email] = await waitForEmails(outbox, customer.email)
        expect(email.template).toBe("subscription-cancelled")
        const again = await portal("post", `/store/portal/subscriptions/${sub.id}/cancel`, { when: "now", reason: "other" })
        expect(again.status).toBe(400)
        expect(again.data.message).toBe("This subscription has already ended.")
      })

      it("limits how often a customer cancels and undoes, with Retry-After, and a refused request changes nothing", async () => {
        const { sub } = await subscribe()
        // Each change emails the customer: a burst of ten, cancel and undo counted together.
        for (let i = 0; i < 5; i++) {
          expect((await portal("post", `/store/portal/subscriptions/${sub.id}/cancel`, { when: "period_end", reason: "unused" })).status).toBe(200)
          expect((await portal("post", `/store/portal/subscriptions/${sub.id}/undo-cancel`, {})).status).toBe(200)
        }
        const refused = await portal("post", `/store/portal/subscriptions/${sub.id}/cancel`, { when: "period_end", reason: "unused" })
        expect(refused.status).toBe(429)
        expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0)
        expect(await service().retrieveSubscription(sub.id)).toMatchObject({ status: "active", cancel_at_period_end: false })
      })

      it("cancels at the end of the period, undoes it, and a scheduled one ends at renewal without a charge", async () => {
        const { sub } = await subscribe()
        const scheduled = await portal("post", `/store/portal/subscriptions/${sub.id}/cancel`, { when: "period_end", reason: "unused" })
        expect(scheduled.data.subscription).toMatchObject({ status: "active", cancel_at_period_end: true, actions: { cancel: [], undo_cancel: true } })
        await waitForEmails(outbox, customer.email)
        const undone = await portal("post", `/store/portal/subscriptions/${sub.id}/undo-cancel`, {})
        expect(undone.data.subscription).toMatchObject({ status: "active", cancel_at_period_end: false, cancellation_reason: null })
        expect((await portal("post", `/store/portal/subscriptions/${sub.id}/undo-cancel`, {})).status).toBe(400)

        await portal("post", `/store/portal/subscriptions/${sub.id}/cancel`, { when: "period_end", reason: "unused" })
        at(new Date(new Date(sub.next_renewal_at!).getTime() + 1000))
        expect(await renewDueSubscriptions(getContainer())).toEqual({ renewed: 0, failed: 0, ended: 1, skipped: 0 })
        const ended = await service().retrieveSubscription(sub.id)
        expect(ended.status).toBe("cancelled")
        expect(new Date(ended.ended_at!).getTime()).toBe(new Date(sub.current_period_end).getTime())
        expect(await renewalOrders()).toHaveLength(0)
        expect(await service().listInvoices({ subscription_id: sub.id })).toHaveLength(0)
      })

      it("cancelling an on-hold subscription voids what it still owed", async () => {
        const { sub } = await subscribe()
        await switchCard(sub.id, "4000 0000 0000 9995")
        at(new Date(new Date(sub.next_renewal_at!).getTime() + 1000))
        await renewDueSubscriptions(getContainer())
        await signIn()
        const held = (await portal("get", `/store/portal/subscriptions/${sub.id}`)).data.subscription
        expect(held).toMatchObject({ status: "on_hold", outstanding: { amount: 2000, reason: "Your card has insufficient funds. Try another card.", reason_code: "insufficient_funds" }, actions: { cancel: ["now"] } })
        const later = await portal("post", `/store/portal/subscriptions/${sub.id}/cancel`, { when: "period_end", reason: "other" })
        expect(later.status).toBe(400)
        expect(later.data.code).toBe("on_hold_cancel_now_only")
        expect((await portal("post", `/store/portal/subscriptions/${sub.id}/cancel`, { when: "now", reason: "other" })).status).toBe(200)
        const [invoice] = await service().listInvoices({ subscription_id: sub.id })
        expect(invoice.status).toBe("void")
      })

      it("follows the portal settings: no cancellation, or only at period end", async () => {
        const { sub } = await subscribe()
        await settings({ allow_cancellation: false })
        const refused = await portal("post", `/store/portal/subscriptions/${sub.id}/cancel`, { when: "now", reason: "other" })
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/cannot be cancelled from this portal/)
        // Beside the sentence, a code a storefront says in the customer's language.
        expect(refused.data.code).toBe("cancellation_not_allowed")
        await settings({ allow_cancellation: true, cancellation_mode: "period_end" })
        expect((await portal("get", `/store/portal/subscriptions/${sub.id}`)).data.subscription.actions.cancel).toEqual(["period_end"])
        const now = await portal("post", `/store/portal/subscriptions/${sub.id}/cancel`, { when: "now", reason: "other" })
        expect(now.status).toBe(400)
        expect(now.data.code).toBe("period_end_only")
        expect((await service().retrieveSubscription(sub.id)).status).toBe("active")
        // The merchant is not bound by the portal's settings: the same rule is applied in the workflow, by who asks.
        const byAdmin = await api.post(`/admin/customer-portal/subscriptions/${sub.id}/cancel`, { when: "now" }, admin).catch((e: any) => e.response)
        expect(byAdmin.status).toBe(200)
        expect(byAdmin.data.subscription.status).toBe("cancelled")
      })

      it.each([{ when: "later", reason: "other" }, { when: "now" }, { when: "now", reason: "boredom" }, { when: "now", reason: "other", status: "cancelled" }])(
        "refuses %j with a 400 and changes nothing",
        async (body) => {
          const { sub } = await subscribe()
          expect((await portal("post", `/store/portal/subscriptions/${sub.id}/cancel`, body)).status).toBe(400)
          expect((await service().retrieveSubscription(sub.id)).status).toBe("active")
        }
      )

      it("answers 404 for another customer's subscription, for reading and for changing it", async () => {
        const { sub } = await subscribe()
        const [other] = await getContainer().resolve(Modules.CUSTOMER).createCustomers([{ email: "other@example.com", has_account: true }])
        token = await portalSession(api, admin, store, other.id)
        for (const [method, path, body] of [
          ["get", `/store/portal/subscriptions/${sub.id}`],
          ["post", `/store/portal/subscriptions/${sub.id}/cancel`, { when: "now", reason: "other" }],
          ["post", `/store/portal/subscriptions/${sub.id}/undo-cancel`, {}],
        ] as const) {
          const res = await portal(method, path, body)
          expect(res.status).toBe(404)
          expect(res.data.message).toBe("There is no such subscription in your account.")
        }
        expect((await portal("get", "/store/portal/subscriptions")).data.count).toBe(0)
        expect((await service().retrieveSubscription(sub.id)).status).toBe("active")
      })
    })

    describe("in the admin", () => {
      it("lists subscriptions by status, customer and plan, and shows one with its invoices", async () => {
        const { sub } = await subscribe()
        const { sub: held } = await subscribe()
        await switchCard(held.id, "4000 0000 0000 9995")
        at(new Date(new Date(held.next_renewal_at!).getTime() + 1000))
        await renewDueSubscriptions(getContainer())
        const ids = async (q: string) => (await api.get(`/admin/customer-portal/subscriptions?${q}`, admin)).data.subscriptions.map((s: any) => s.id)
        expect((await ids("")).sort()).toEqual([sub.id, held.id].sort())
        expect(await ids("status=on_hold")).toEqual([held.id])
        expect((await ids(`customer_id=${customer.id}&product_variant_id=${catalog.variant.id}`)).length).toBe(2)
        expect(await ids("customer_id=cus_nobody")).toEqual([])
        expect((await api.get("/admin/customer-portal/subscriptions?status=paused", admin).catch((e: any) => e.response)).status).toBe(400)
        const detail = (await api.get(`/admin/customer-portal/subscriptions/${held.id}`, admin)).data
        expect(detail.subscription).toMatchObject({ id: held.id, status: "on_hold", amount: 2000 })
        expect(detail.invoices.map((i: any) => i.status)).toEqual(["open"])
        expect((await api.get("/admin/customer-portal/subscriptions/sub_missing", admin).catch((e: any) => e.response)).status).toBe(404)
      })

      it("retries an on-hold charge: refused again with the card's reason, then paid with a good card", async () => {
        const { sub } = await subscribe()
        await switchCard(sub.id, "4000 0000 0000 9995")
        const failedAt = new Date(new Date(sub.next_renewal_at!).getTime() + 1000)
        at(failedAt)
        await renewDueSubscriptions(getContainer())
        const again = await api.post(`/admin/customer-portal/subscriptions/${sub.id}/retry`, {}, admin).catch((e: any) => e.response)
        expect(again.status).toBe(400)
        expect(again.data.message).toBe("The charge failed again: Your card has insufficient funds. Try another card.")
        expect((await service().retrieveSubscription(sub.id)).status).toBe("on_hold")

        await switchCard(sub.id, "4242 4242 4242 4242")
        const retriedAt = new Date(failedAt.getTime() + 2 * DAY)
        at(retriedAt)
        const ok = await api.post(`/admin/customer-portal/subscriptions/${sub.id}/retry`, {}, admin)
        expect(ok.data.subscription).toMatchObject({ status: "active", on_hold_since: null })
        expect(new Date(ok.data.subscription.current_period_start).getTime()).toBe(retriedAt.getTime())
        const invoices = await service().listInvoices({ subscription_id: sub.id })
        expect(invoices.map((i) => i.status)).toEqual(["paid"])
        expect(await renewalOrders()).toHaveLength(1)
        const notHeld = await api.post(`/admin/customer-portal/subscriptions/${sub.id}/retry`, {}, admin).catch((e: any) => e.response)
        expect(notHeld.status).toBe(400)
      })

      it("cancels for the customer, whatever the portal lets customers do", async () => {
        const { sub } = await subscribe()
        await api.post("/admin/customer-portal", { allow_cancellation: false }, admin)
        const res = await api.post(`/admin/customer-portal/subscriptions/${sub.id}/cancel`, { when: "now" }, admin)
        expect(res.data.subscription.status).toBe("cancelled")
      })
    })

    afterAll(() => {
      jest.restoreAllMocks()
      expect(readOutbox(outbox).every((e) => !/4242424242424242/.test(e.text))).toBe(true)
    })
  },
})

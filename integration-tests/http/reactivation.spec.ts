import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { clock } from "../../src/lib/clock"
import { renewDueSubscriptions } from "../../src/lib/renew-due-subscriptions"
import { CUSTOMER_PORTAL_MODULE } from "../../src/modules/customer-portal"
import type CustomerPortalModuleService from "../../src/modules/customer-portal/service"
import { createAdminHeaders, createStoreHeaders, portalSession } from "../helpers/auth"
import { subscribeWithCard } from "../helpers/subscriptions"
import { testCard } from "../helpers/test-cards"
import { createDigitalCatalog } from "../helpers/catalog"
import { clearOutbox, useOutbox, waitForEmails } from "../helpers/outbox"
import { subscriptionUnlocked } from "../helpers/locks"

jest.setTimeout(240_000)

const outbox = useOutbox()
const PROVIDER = "pp_test-card_test"
const DAY = 86_400_000
const GOOD = "4242 4242 4242 4242"
const CHARGE_FAILS = "4000 0000 0000 0341"
const INSUFFICIENT = "4000 0000 0000 9995"
const CONFIRM = "4000 0025 0000 3155"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    let catalog: Awaited<ReturnType<typeof createDigitalCatalog>>
    let customer: { id: string; email: string }
    let token: string
    const service = () => getContainer().resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
    const headers = (extra: Record<string, string> = {}, who = token) => ({ headers: { ...store.headers, authorization: `Bearer ${who}`, ...extra } })
    const card = (number: string) => testCard(api, store, number)
    /** Adds a card to the signed-in customer's account through the portal, as the storefront does; its saved method's id. */
    const saveCard = async (number: string, who = token) =>
      (await api.post("/store/portal/payment-methods", { provider_id: PROVIDER, payment_method_id: await card(number) }, headers({}, who))).data
        .payment_method.id as string
    const confirm = (subId: string, body: Record<string, unknown>, key?: string, who = token) =>
      api
        .post(`/store/portal/subscriptions/${subId}/payment-method`, body, headers(key ? { "idempotency-key": key } : {}, who))
        .catch((e: any) => e.response)
    const signIn = (customerId = customer.id) => portalSession(api, admin, store, customerId)
    const at = (date: Date) => jest.spyOn(clock, "now").mockImplementation(() => new Date(date))
    const subscribe = async () => (await subscribeWithCard(getContainer(), { catalog, customer, cardId: await card(GOOD) })).sub
    /** A subscription whose renewal failed with a card that saves but cannot be charged: on hold, one open invoice. */
    const onHold = async () => {
      const sub = await subscribe()
      token = await signIn()
      const failing = await saveCard(CHARGE_FAILS)
      expect((await confirm(sub.id, { payment_method_id: failing })).data.outcome).toBe("updated")
      const now = new Date(new Date(sub.next_renewal_at!).getTime() + 1000)
      at(now)
      expect(await renewDueSubscriptions(getContainer())).toMatchObject({ failed: 1 })
      // The session began before the clock moved on: a fresh one, as the payment-failed email gives.
      token = await signIn()
      await waitForEmails(outbox, customer.email)
      clearOutbox(outbox)
      const [invoice] = await service().listInvoices({ subscription_id: sub.id })
      expect(invoice).toMatchObject({ status: "open" })
      return { sub: await service().retrieveSubscription(sub.id), invoice, now }
    }
    const renewalOrders = async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: ["id", "metadata", "total", "payment_collections.payments.amount", "payment_collections.payments.captured_at", "payment_collections.payments.refunds.amount"],
        filters: { customer_id: customer.id },
      })
      return data.filter((o: any) => o.metadata?.customer_portal_renewal_of)
    }

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
      expect((await api.post("/admin/customer-portal/plans", { product_variant_id: catalog.variant.id, interval: "month", interval_count: 1 }, admin)).status).toBe(201)
    })

    it("an active subscription only switches the method its renewals use: no charge, no invoice", async () => {
      const sub = await subscribe()
      token = await signIn()
      const method = await saveCard(INSUFFICIENT)
      const res = await confirm(sub.id, { payment_method_id: method }, "switch-1")
      expect(res.status).toBe(200)
      expect(res.data).toMatchObject({ outcome: "updated", subscription: { id: sub.id, status: "active", payment_method: { brand: "visa", last4: "9995" } } })
      expect(JSON.stringify(res.data)).not.toMatch(/cus_|acchld_|tcard_|order_|pay_/)
      expect(await service().listInvoices({ subscription_id: sub.id })).toHaveLength(0)
      expect(await renewalOrders()).toHaveLength(0)
      expect(await service().retrieveSubscription(sub.id)).toMatchObject({ payment_method_id: method, payment_method_last4: "9995", next_renewal_at: sub.next_renewal_at })
      // The next renewal charges the new method (and this one has no funds).
      at(new Date(new Date(sub.next_renewal_at!).getTime() + 1000))
      expect(await renewDueSubscriptions(getContainer())).toMatchObject({ failed: 1 })
      const [invoice] = await service().listInvoices({ subscription_id: sub.id })
      expect(invoice.metadata).toMatchObject({ last_payment_error_code: "insufficient_funds" })
    })

    it("reactivates an on-hold subscription: the open invoice is charged once to the new card, paid, a new period from now, two emails", async () => {
      const { sub, invoice, now } = await onHold()
      const method = await saveCard(GOOD)
      const res = await confirm(sub.id, { payment_method_id: method }, "reactivate-1")
      expect(res.status).toBe(200)
      expect(res.data).toMatchObject({
        outcome: "reactivated",
        subscription: { id: sub.id, status: "active", on_hold_since: null, outstanding: null, payment_method: { last4: "4242" } },
        invoice: { id: invoice.id, number: invoice.number, status: "paid", total: 2000, currency_code: "usd" },
      })
      const next = new Date(now)
      next.setUTCMonth(next.getUTCMonth() + 1)
      const stored = await service().retrieveSubscription(sub.id)
      expect(new Date(stored.current_period_start).getTime()).toBe(now.getTime())
      expect(new Date(stored.next_renewal_at!).getTime()).toBe(next.getTime())
      expect(stored).toMatchObject({ status: "active", payment_method_id: method })

      const invoices = await service().listInvoices({ subscription_id: sub.id })
      expect(invoices).toHaveLength(1)
      const [paid] = invoices
      expect(paid).toMatchObject({ id: invoice.id, status: "paid", payment_method_label: "Visa •••• 4242" })
      const orders = await renewalOrders()
      expect(orders).toHaveLength(1)
      expect(paid.order_id).toBe(orders[0].id)
      const payments = orders[0].payment_collections.flatMap((c: any) => c.payments)
      expect(payments).toHaveLength(1)
      expect(Number(payments[0].amount)).toBe(20)
      expect(payments[0].captured_at).not.toBeNull()

      const emails = await waitForEmails(outbox, customer.email, 2)
      expect(emails.map((e) => e.template).sort()).toEqual(["subscription-payment-succeeded", "subscription-reactivated"])
      const receipt = emails.find((e) => e.template === "subscription-payment-succeeded")!
      expect(receipt.text).toContain(invoice.number)
      expect(receipt.text).toMatch(/US\$20\.00/)
      const active = emails.find((e) => e.template === "subscription-reactivated")!
      expect(active.subject).toMatch(/active again/)

      // Nothing is due any more, and the next renewal is a month away.
      expect(await renewDueSubscriptions(getContainer())).toEqual({ renewed: 0, failed: 0, ended: 0, skipped: 0 })
    })

    it("a declined card leaves it on hold with the reason; another card then pays the same invoice, once", async () => {
      const { sub, invoice } = await onHold()
      const poor = await saveCard(INSUFFICIENT)
      const declined = await confirm(sub.id, { payment_method_id: poor }, "attempt-1")
      expect(declined.status).toBe(402)
      expect(declined.data).toMatchObject({
        type: "payment_failed",
        code: "insufficient_funds",
        message: "Your card has insufficient funds. Try another card.",
        subscription: { status: "on_hold", outstanding: { invoice_id: invoice.id, reason_code: "insufficient_funds" }, payment_method: { last4: "0341" } },
      })
      expect(await service().retrieveSubscription(sub.id)).toMatchObject({ status: "on_hold", payment_method_last4: "0341" })
      expect(await renewalOrders()).toHaveLength(0)

      const good = await saveCard(GOOD)
      const paid = await confirm(sub.id, { payment_method_id: good }, "attempt-2")
      expect(paid.status).toBe(200)
      expect(paid.data).toMatchObject({ outcome: "reactivated", invoice: { id: invoice.id } })
      const invoices = await service().listInvoices({ subscription_id: sub.id })
      expect(invoices.map((i) => [i.id, i.status])).toEqual([[invoice.id, "paid"]])
      expect(await renewalOrders()).toHaveLength(1)
    })

    it("the card that saves but is always declined keeps it on hold, with nothing charged or emailed", async () => {
      const { sub } = await onHold()
      const res = await confirm(sub.id, { payment_method_id: await saveCard(CHARGE_FAILS) })
      expect(res.status).toBe(402)
      expect(res.data).toMatchObject({ type: "payment_failed", code: "card_declined", message: "Your card was declined. Try another card." })
      expect((await service().retrieveSubscription(sub.id)).status).toBe("on_hold")
      expect(await renewalOrders()).toHaveLength(0)
      await new Promise((r) => setTimeout(r, 500))
      expect(await waitForEmails(outbox, customer.email, 1, 500).catch(() => [])).toEqual([])
    })

    it("the card that needs the bank's confirmation asks for it, then the same change completes once confirmed", async () => {
      const { sub, invoice } = await onHold()
      const method = await saveCard(CONFIRM)
      const asked = await confirm(sub.id, { payment_method_id: method }, "confirm-1")
      expect(asked.status).toBe(200)
      expect(asked.data).toMatchObject({ outcome: "requires_action", next_action: { type: "confirm_card" }, amount: 2000, currency_code: "usd", subscription: { status: "on_hold" } })
      expect((await service().retrieveSubscription(sub.id)).status).toBe("on_hold")
      expect(await renewalOrders()).toHaveLength(0)

      const done = await confirm(sub.id, { payment_method_id: method, confirmation: "completed" }, "confirm-2")
      expect(done.status).toBe(200)
      expect(done.data).toMatchObject({ outcome: "reactivated", invoice: { id: invoice.id, status: "paid" }, subscription: { status: "active", payment_method: { last4: "3155" } } })
      expect(await renewalOrders()).toHaveLength(1)

      // Confirmed once, the card is charged off-session at the next renewal.
      const next = (await service().retrieveSubscription(sub.id)).next_renewal_at!
      at(new Date(new Date(next).getTime() + 1000))
      expect(await renewDueSubscriptions(getContainer())).toMatchObject({ renewed: 1 })
    })

    it("ten concurrent confirms with one Idempotency-Key: one charge, one invoice, ten identical answers", async () => {
      const { sub, invoice } = await onHold()
      const method = await saveCard(GOOD)
      const answers = await Promise.all(Array.from({ length: 10 }, () => confirm(sub.id, { payment_method_id: method }, "same-key")))
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200))
      for (const answer of answers) expect(answer.data).toEqual(answers[0].data)
      expect(answers[0].data).toMatchObject({ outcome: "reactivated", invoice: { id: invoice.id } })
      expect(answers.filter((a) => a.headers["idempotent-replayed"] === "true")).toHaveLength(9)
      expect(await renewalOrders()).toHaveLength(1)
      expect((await service().listInvoices({ subscription_id: sub.id })).map((i) => i.status)).toEqual(["paid"])
      expect(await waitForEmails(outbox, customer.email, 2)).toHaveLength(2)

      // The key replayed later gives the first answer again; the key with another request is refused.
      const replay = await confirm(sub.id, { payment_method_id: method }, "same-key")
      expect(replay.data).toEqual(answers[0].data)
      const misuse = await confirm(sub.id, { payment_method_id: await saveCard(GOOD) }, "same-key")
      expect(misuse.status).toBe(400)
      expect(misuse.data.message).toMatch(/already used for a different request/)
      expect(await renewalOrders()).toHaveLength(1)
      // No lock is left behind.
      expect(await subscriptionUnlocked(getContainer(), sub.id)).toBe(true)
    })

    it("ten concurrent confirms with different keys still charge once: the others find it active and only switch", async () => {
      const { sub } = await onHold()
      const method = await saveCard(GOOD)
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => confirm(sub.id, { payment_method_id: method }, `key-${i}`)))
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200))
      expect(answers.filter((a) => a.data.outcome === "reactivated")).toHaveLength(1)
      expect(answers.filter((a) => a.data.outcome === "updated")).toHaveLength(9)
      expect(await renewalOrders()).toHaveLength(1)
      expect((await service().listInvoices({ subscription_id: sub.id })).map((i) => i.status)).toEqual(["paid"])
    })

    it("a failure after the charge refunds it and leaves the subscription on hold with its invoice open; a retry then pays", async () => {
      const { sub, invoice } = await onHold()
      const method = await saveCard(GOOD)
      const portalService = service()
      const spy = jest.spyOn(portalService, "transitionSubscription").mockRejectedValueOnce(new Error("connection terminated unexpectedly"))
      const res = await confirm(sub.id, { payment_method_id: method }, "fails-after-charge")
      expect(spy).toHaveBeenCalled()
      expect(res.status).toBe(500)
      expect(res.data.message).toBe("Your payment could not be completed, and nothing was charged: the subscription is still on hold. Try again in a moment.")
      expect(JSON.stringify(res.data)).not.toMatch(/connection terminated|at .*\.ts/)

      expect(await portalService.retrieveSubscription(sub.id)).toMatchObject({ status: "on_hold", payment_method_last4: "0341" })
      const reopened = await portalService.retrieveInvoice(invoice.id, { relations: ["lines"] })
      expect(reopened).toMatchObject({ status: "open", paid_at: null, order_id: null, payment_id: null })
      expect(Number(reopened.total)).toBe(Number(invoice.total))
      expect(reopened.charge_cart_id).toBeNull()
      expect(reopened.lines).toHaveLength(1)
      const [charged] = await renewalOrders()
      const [payment] = charged.payment_collections.flatMap((c: any) => c.payments)
      expect(payment.refunds.reduce((sum: number, r: any) => sum + Number(r.amount), 0)).toBe(Number(payment.amount))

      // The same key failed without an answer, so it may be tried again; this time it goes through.
      const retry = await confirm(sub.id, { payment_method_id: method }, "fails-after-charge")
      expect(retry.status).toBe(200)
      expect(retry.data).toMatchObject({ outcome: "reactivated", invoice: { id: invoice.id } })
      const orders = await renewalOrders()
      expect(orders).toHaveLength(2)
      expect((await portalService.retrieveInvoice(invoice.id)).order_id).not.toBe(charged.id)
    })

    it("another customer's subscription or payment method is a 404, and nothing changes", async () => {
      const { sub } = await onHold()
      const [other] = await getContainer().resolve(Modules.CUSTOMER).createCustomers([{ email: "other@example.com", has_account: true }])
      const otherToken = await signIn(other.id)
      const theirs = await saveCard(GOOD, otherToken)
      const mine = await saveCard(GOOD)

      const foreignSub = await confirm(sub.id, { payment_method_id: theirs }, undefined, otherToken)
      expect(foreignSub.status).toBe(404)
      expect(foreignSub.data.message).toBe("There is no such subscription in your account.")
      const foreignMethod = await confirm(sub.id, { payment_method_id: theirs })
      expect(foreignMethod.status).toBe(404)
      expect(foreignMethod.data.message).toBe("There is no such payment method in your account.")
      expect((await confirm(sub.id, { payment_method_id: "pm_nowhere" })).status).toBe(404)
      expect((await confirm("sub_nowhere", { payment_method_id: mine })).status).toBe(404)
      expect(await service().retrieveSubscription(sub.id)).toMatchObject({ status: "on_hold", payment_method_last4: "0341" })
      expect(await renewalOrders()).toHaveLength(0)
    })

    it.each([
      [{ payment_method_id: "4242424242424242 " + "x" }, /payment_method_id/],
      [{}, /payment_method_id/],
      [{ payment_method_id: "tcard_x", confirmation: "yes" }, /confirmation/],
      [{ payment_method_id: "tcard_x", status: "active" }, /status/],
    ])("refuses %j with a 400, changing nothing", async (body, message) => {
      const sub = await subscribe()
      token = await signIn()
      const res = await confirm(sub.id, body)
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(message)
      expect(await service().retrieveSubscription(sub.id)).toMatchObject({ status: "active", payment_method_last4: "4242" })
    })

    it("refuses a bad Idempotency-Key, and an ended subscription", async () => {
      const sub = await subscribe()
      token = await signIn()
      const method = await saveCard(GOOD)
      const bad = await confirm(sub.id, { payment_method_id: method }, "x".repeat(256))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/Idempotency-Key/)
      await api.post(`/store/portal/subscriptions/${sub.id}/cancel`, { when: "now", reason: "other" }, headers())
      const ended = await confirm(sub.id, { payment_method_id: method })
      expect(ended.status).toBe(400)
      expect(ended.data.message).toBe("This subscription has ended: there is no payment method to change.")
    })

    it("follows the store's setting: when customers may not change payment methods, nothing changes and the portal says so", async () => {
      const { sub } = await onHold()
      const method = await saveCard(GOOD)
      expect((await api.post("/admin/customer-portal", { allow_payment_method_update: false }, admin)).status).toBe(200)
      const refused = await confirm(sub.id, { payment_method_id: method }, "not-allowed")
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe("Payment methods cannot be changed from this portal. Contact the store to change yours.")
      expect(refused.data.code).toBe("payment_method_update_not_allowed")
      expect((await api.get(`/store/portal/subscriptions/${sub.id}`, headers())).data.subscription.actions.change_payment_method).toBe(false)
      expect(await renewalOrders()).toHaveLength(0)
      expect((await service().retrieveSubscription(sub.id)).status).toBe("on_hold")
      await api.post("/admin/customer-portal", { allow_payment_method_update: true }, admin)
      expect((await api.get(`/store/portal/subscriptions/${sub.id}`, headers())).data.subscription.actions.change_payment_method).toBe(true)
    })

    it("needs a session", async () => {
      expect((await api.post("/store/portal/subscriptions/sub_x/payment-method", { payment_method_id: "x" }, store).catch((e: any) => e.response)).status).toBe(401)
    })
  },
})

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fs from "node:fs"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { placeOrder } from "../../scripts/fixtures/commerce"
import { clock } from "../../src/lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../src/modules/customer-portal"
import type CustomerPortalModuleService from "../../src/modules/customer-portal/service"
import { renewSubscriptionWorkflow } from "../../src/workflows/renew-subscription"
import { createAdminHeaders, createStoreHeaders, portalSession } from "../helpers/auth"
import { createDigitalCatalog } from "../helpers/catalog"
import { clearOutbox, readOutbox, useOutbox, waitForEmails } from "../helpers/outbox"
import { testCard } from "../helpers/test-cards"
import { waitFor } from "../helpers/wait"

jest.setTimeout(240_000)

/** What a store's own step added through `subscriptionRenewed` saw. */
const hooked: { outcome: string; subscription_id: string }[] = []
renewSubscriptionWorkflow.hooks.subscriptionRenewed((result) => {
  if (result.outcome !== "skipped") hooked.push({ outcome: result.outcome, subscription_id: result.subscription_id })
})

const outbox = useOutbox()
const PROVIDER = "pp_test-card_test"
const DAY = 86_400_000

/**
 * M8, I2, I4 and side effects after commit: what an order granted follows the
 * order (cancelled or refunded in full, its subscriptions end and its keys
 * are revoked); a shopper cannot mark their own order as a renewal; a
 * renewal charges exactly the agreed amount; a broken email provider never
 * turns a saved cancellation into an error.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    let catalog: Awaited<ReturnType<typeof createDigitalCatalog>>
    let customer: { id: string; email: string; token: string }
    const service = () => getContainer().resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const adminCall = (method: "get" | "post", path: string, body: unknown = {}) =>
      (method === "post" ? api.post(path, body, admin) : api.get(path, admin)).catch((e: any) => e.response)

    /** A plan with license keys on the catalog's variant, bought once by the customer: the order, its subscription and its key. */
    async function buyPlanWithKey(options: { capture?: boolean; quantity?: number; metadata?: Record<string, unknown> } = {}) {
      expect((await api.post("/admin/customer-portal/plans", { product_variant_id: catalog.variant.id, interval: "month" }, admin)).status).toBe(201)
      expect((await api.post("/admin/customer-portal/license-plans", { product_variant_id: catalog.variant.id, activation_limit: 3 }, admin)).status).toBe(201)
      const order = await placeOrder(getContainer(), {
        region_id: catalog.region.id,
        sales_channel_id: catalog.salesChannel.id,
        email: customer.email,
        customer_id: customer.id,
        items: [{ variant_id: catalog.variant.id, quantity: options.quantity ?? 1 }],
        provider_id: PROVIDER,
        payment_data: { payment_method_id: await testCard(api, store, "4242 4242 4242 4242"), save_payment_method: true },
        capture: options.capture ?? true,
        metadata: options.metadata,
      })
      const [sub] = await waitFor(() => service().listSubscriptions({ order_id: order.id }), (list) => list.length === 1)
      return { order, sub }
    }
    const keysOf = (orderId: string) => service().listLicenseKeys({ order_id: orderId })
    const paymentOf = async (orderId: string) => {
      const {
        data: [order],
      } = await query().graph({ entity: "order", fields: ["payment_collections.payments.id", "payment_collections.payments.amount"], filters: { id: orderId } })
      return order.payment_collections[0].payments[0] as { id: string; amount: number }
    }
    const trail = (action: string) => service().listPortalActivities({ customer_id: customer.id, action } as any)

    beforeEach(async () => {
      jest.restoreAllMocks()
      clearOutbox(outbox)
      const container = getContainer()
      admin = await createAdminHeaders(container)
      store = await createStoreHeaders(container)
      catalog = await createDigitalCatalog(container, 20)
      const [created] = await container.resolve(Modules.CUSTOMER).createCustomers([{ email: "layla@example.com", first_name: "Layla", has_account: true }])
      customer = { id: created.id, email: created.email, token: await portalSession(api, admin, store, created.id) }
    })

    describe("an order cancelled or refunded takes back what it granted (M8)", () => {
      it("cancelled in the admin: its subscription ends now and never renews, its keys are revoked with the reason; the customer is told; the merchant can enable a key again", async () => {
        const { order, sub } = await buyPlanWithKey({ capture: false })
        const [key] = await waitFor(() => keysOf(order.id), (keys) => keys.length === 1)
        expect(key.status).toBe("active")

        const cancelled = await adminCall("post", `/admin/orders/${order.id}/cancel`)
        expect(cancelled.status).toBe(200)

        const ended = await waitFor(() => service().retrieveSubscription(sub.id), (s) => s.status === "cancelled")
        expect(ended).toMatchObject({ next_renewal_at: null, cancel_at_period_end: false })
        expect(await service().retrieveLicenseKey(key.id)).toMatchObject({ status: "revoked", revoked_reason: "order_canceled" })
        const validate = await api.post("/licenses/validate", { key: key.key, mode: "test" }).catch((e: any) => e.response)
        expect(validate.data).toMatchObject({ valid: false, code: "revoked" })
        // The store did it, and the trail says why; the customer is emailed as for any cancellation.
        expect(await waitFor(() => trail("subscription_cancelled"), (rows) => rows.length === 1)).toMatchObject([
          { actor_type: "system", details: { plan: sub.plan_title, when: "now", because: "order_canceled" } },
        ])
        expect(await trail("license_keys_revoked")).toMatchObject([{ actor_type: "system", details: { count: 1, because: "order_canceled" } }])
        const emails = await waitForEmails(outbox, customer.email, 1)
        expect(emails.map((e) => e.template)).toContain("subscription-cancelled")
        // The merchant finds it in the admin's notifications.
        const feed = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed", resource_id: order.id } as any)
        expect(feed).toMatchObject([{ template: "admin-ui", data: { title: "An order was cancelled", description: expect.stringContaining("1 subscription ended, 1 license key revoked") } }])

        // Due or not, nothing charges it again.
        jest.spyOn(clock, "now").mockImplementation(() => new Date(Date.now() + 40 * DAY))
        const { result } = await renewSubscriptionWorkflow(getContainer()).run({ input: { subscription_id: sub.id } })
        expect(result.outcome).toBe("skipped")
        jest.restoreAllMocks()

        // Reversible: the merchant enables the key again.
        expect((await adminCall("post", `/admin/customer-portal/license-keys/${key.id}/enable`)).status).toBe(200)
        expect(await service().retrieveLicenseKey(key.id)).toMatchObject({ revoked_reason: null })
      })

      it("refunded in full: the same; a partial refund takes nothing back", async () => {
        const { order, sub } = await buyPlanWithKey()
        const [key] = await waitFor(() => keysOf(order.id), (keys) => keys.length === 1)
        const payment = await paymentOf(order.id)

        const partial = await adminCall("post", `/admin/payments/${payment.id}/refund`, { amount: 1 })
        expect(partial.status).toBe(200)
        // Give the subscriber its chance, then see that nothing was taken back.
        await new Promise((resolve) => setTimeout(resolve, 1500))
        expect((await service().retrieveSubscription(sub.id)).status).toBe("active")
        expect((await service().retrieveLicenseKey(key.id)).status).toBe("active")

        const rest = await adminCall("post", `/admin/payments/${payment.id}/refund`, { amount: Number(payment.amount) - 1 })
        expect(rest.status).toBe(200)
        await waitFor(() => service().retrieveSubscription(sub.id), (s) => s.status === "cancelled")
        expect(await service().retrieveLicenseKey(key.id)).toMatchObject({ status: "revoked", revoked_reason: "order_refunded" })
      })

      it("with licenseKeysOnCapture, an order only authorized gets its keys when its payment is captured", async () => {
        const real = service().getOptions()
        jest.spyOn(service(), "getOptions").mockReturnValue({ ...real, licenseKeysOnCapture: true })
        const { order } = await buyPlanWithKey({ capture: false })
        await new Promise((resolve) => setTimeout(resolve, 1500))
        expect(await keysOf(order.id)).toHaveLength(0)

        const payment = await paymentOf(order.id)
        expect((await adminCall("post", `/admin/payments/${payment.id}/capture`)).status).toBe(200)
        const keys = await waitFor(() => keysOf(order.id), (list) => list.length === 1)
        expect(keys[0].status).toBe("active")
      })
    })

    it("a shopper's cart marked as a renewal is still an order of its own: invoiced, and its plan started (I2)", async () => {
      const { order, sub } = await buyPlanWithKey({ metadata: { customer_portal_renewal_of: "sub_someone_else" } })
      expect(sub.order_id).toBe(order.id)
      const invoices = await waitFor(() => service().listInvoices({ order_id: order.id, source_type: "order" }), (list) => list.length === 1)
      expect(invoices).toHaveLength(1)
    })

    it("a renewal of quantity 3 charges exactly the agreed amount, even when it does not divide by 3 (I4); the renewal's hook sees it", async () => {
      const { sub } = await buyPlanWithKey({ quantity: 3 })
      // 10.00 for three: 3.33 a unit would charge 9.99.
      await service().updateSubscriptions({ id: sub.id, amount: 1000 } as any)
      jest.spyOn(clock, "now").mockImplementation(() => new Date(new Date(sub.next_renewal_at!).getTime() + 1000))
      const { result } = await renewSubscriptionWorkflow(getContainer()).run({ input: { subscription_id: sub.id } })
      expect(result.outcome).toBe("renewed")
      const {
        data: [order],
      } = await query().graph({ entity: "order", fields: ["item_subtotal", "payment_collections.payments.amount"], filters: { id: (result as any).order_id } })
      expect(Number(order.item_subtotal)).toBe(10)
      const [invoice] = await service().listInvoices({ subscription_id: sub.id, source_type: "renewal" })
      expect(Number(invoice.subtotal)).toBe(1000)
      // A store's own step, added through the hook without forking, ran with the outcome.
      expect(hooked).toEqual([{ outcome: "renewed", subscription_id: sub.id }])
    })

    it("a cancellation whose email cannot be sent still answers the cancelled subscription, with its event and its trail", async () => {
      const { sub } = await buyPlanWithKey()
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      const emitted = jest.spyOn(eventBus, "emit")
      // The email provider breaks: its folder is a file now.
      const aside = `${outbox}-aside`
      fs.renameSync(outbox, aside)
      fs.writeFileSync(outbox, "not a folder")
      try {
        const res = await api
          .post(`/store/portal/subscriptions/${sub.id}/cancel`, { when: "now", reason: "unused" }, { headers: { ...store.headers, authorization: `Bearer ${customer.token}` } })
          .catch((e: any) => e.response)
        expect(res.status).toBe(200)
        expect(res.data.subscription).toMatchObject({ id: sub.id, status: "cancelled" })
        expect((await service().retrieveSubscription(sub.id)).status).toBe("cancelled")
        const names = emitted.mock.calls.flatMap(([events]) => (Array.isArray(events) ? events : [events]).map((e: any) => e.name))
        expect(names).toContain("subscription.cancelled")
        expect(await trail("subscription_cancelled")).toMatchObject([{ actor_type: "customer", details: { when: "now", reason: "unused" } }])
        // The email was tried, and failed, after the answer.
        await waitFor(
          async () => (await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to: customer.email, template: "subscription-cancelled" } as any)),
          (rows) => rows.some((n: any) => n.status === "failure")
        )
      } finally {
        fs.rmSync(outbox)
        fs.renameSync(aside, outbox)
      }
      expect(readOutbox(outbox).filter((e) => e.template === "subscription-cancelled")).toHaveLength(0)
    })
  },
})

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { placeOrder } from "../../scripts/fixtures/commerce"
import { CUSTOMER_PORTAL_MODULE } from "../../src/modules/customer-portal"
import type CustomerPortalModuleService from "../../src/modules/customer-portal/service"
import { createStoreHeaders } from "../helpers/auth"
import { createDigitalCatalog } from "../helpers/catalog"
import { waitFor } from "../helpers/wait"

jest.setTimeout(180_000)

const PROVIDER = "pp_test-card_test"
const CARDS = {
  succeeds: "4242 4242 4242 4242",
  declined: "4000 0000 0000 0002",
  chargeFails: "4000 0000 0000 0341",
  insufficient: "4000 0000 0000 9995",
  confirm: "4000 0025 0000 3155",
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: { headers: Record<string, string> }
    let catalog: Awaited<ReturnType<typeof createDigitalCatalog>>
    let customer: { id: string; email: string }

    const tokenize = (number: string, extra: Record<string, unknown> = {}) =>
      api.post("/store/test-cards", { number, exp_month: 12, exp_year: new Date().getUTCFullYear() + 2, ...extra }, store).catch((e: any) => e.response)
    const cardId = async (number: string) => (await tokenize(number)).data.card.id as string
    const checkout = (payment_data: Record<string, unknown>, who = customer) =>
      placeOrder(getContainer(), {
        region_id: catalog.region.id,
        sales_channel_id: catalog.salesChannel.id,
        email: who.email,
        customer_id: who.id,
        items: [{ variant_id: catalog.variant.id, quantity: 1 }],
        provider_id: PROVIDER,
        payment_data,
      })
    /** Why a checkout failed (workflows reject with their error's fields, not always an Error). */
    const failure = (attempt: Promise<unknown>) =>
      attempt.then(
        () => "no failure",
        (e: any) => String(e?.message ?? JSON.stringify(e))
      )
    const payment = () => getContainer().resolve(Modules.PAYMENT)
    const holderOf = async (customerId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [c],
      } = await query.graph({ entity: "customer", fields: ["account_holders.*"], filters: { id: customerId } })
      return (c.account_holders ?? []).find((h: any) => h.provider_id === PROVIDER)
    }
    const savedCards = async (customerId: string) => {
      const holder = await holderOf(customerId)
      return holder ? payment().listPaymentMethods({ provider_id: PROVIDER, context: { account_holder: holder } }) : []
    }

    beforeEach(async () => {
      const container = getContainer()
      store = await createStoreHeaders(container)
      catalog = await createDigitalCatalog(container, 20)
      const [created] = await container.resolve(Modules.CUSTOMER).createCustomers([{ email: "layla@example.com", has_account: true }])
      customer = { id: created.id, email: created.email }
    })

    describe("card form (POST /store/test-cards)", () => {
      it("turns a test number into a card id and keeps only brand, last four, expiry and a fingerprint", async () => {
        const res = await tokenize(CARDS.succeeds, { cvc: "123" })
        expect(res.status).toBe(201)
        expect(res.data.card).toEqual({ id: expect.stringMatching(/^tcard_/), brand: "visa", last4: "4242", exp_month: 12, exp_year: new Date().getUTCFullYear() + 2 })
        const db = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const [row] = await db("test_card").where({ id: res.data.card.id })
        expect(JSON.stringify(row)).not.toMatch(/4242424242424242|123"/)
        expect(row.fingerprint).toMatch(/^[0-9a-f]{32}$/)
        // The same number, the same fingerprint.
        const [again] = await db("test_card").where({ id: await cardId(CARDS.succeeds) })
        expect(again.fingerprint).toBe(row.fingerprint)
      })

      it.each([
        ["4111 1111 1111 1111", /use a test card such as 4242 4242 4242 4242/],
        ["4242 4242 4242 4241", /This card number is not valid/],
        ["abcd", /This card number is not valid/],
      ])("refuses %s with a 400 that says what to do", async (number, message) => {
        const res = await tokenize(number)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(message)
      })

      it("refuses an expired card, a bad month and unknown fields", async () => {
        expect((await tokenize(CARDS.succeeds, { exp_year: 2020 })).data.message).toMatch(/expired/)
        expect((await tokenize(CARDS.succeeds, { exp_month: 13 })).status).toBe(400)
        expect((await tokenize(CARDS.succeeds, { customer_id: customer.id })).status).toBe(400)
      })
    })

    describe("checkout with the test cards", () => {
      it("4242 pays, is saved to the customer's account holder when asked, and no card number reaches Medusa", async () => {
        const id = await cardId(CARDS.succeeds)
        const order = await checkout({ payment_method_id: id, save_payment_method: true })
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const {
          data: [placed],
        } = await query.graph({ entity: "order", fields: ["payment_collections.payments.*", "payment_collections.payments.captures.*", "payment_collections.payment_sessions.*"], filters: { id: order.id } })
        const [pay] = placed.payment_collections[0].payments
        expect(pay.captures).toHaveLength(1)
        expect(pay.data).toMatchObject({ payment_method_id: id, status: "captured", card: { brand: "visa", last4: "4242" } })
        expect(JSON.stringify(placed)).not.toMatch(/4242424242424242/)
        expect((await savedCards(customer.id)).map((m: any) => [m.id, m.data.last4])).toEqual([[id, "4242"]])
        // Its invoice names the card.
        const service = getContainer().resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
        const [invoice] = await waitFor(() => service.listInvoices({ order_id: order.id }), (list) => list.length === 1)
        expect(invoice.payment_method_label).toBe("Visa •••• 4242")
      })

      it.each([
        ["declined", CARDS.declined, "card_declined"],
        ["insufficient funds", CARDS.insufficient, "insufficient_funds"],
        ["saved but every charge fails", CARDS.chargeFails, "card_declined"],
      ])("%s: the checkout fails with the card's reason and no order is placed", async (_what, number, code) => {
        expect(await failure(checkout({ payment_method_id: await cardId(number) }))).toMatch(/was not authorized with the provider/)
        const [session] = await payment().listPaymentSessions({}, { order: { created_at: "DESC" }, take: 1 })
        expect(session.status).toBe("error")
        expect(session.data).toMatchObject({ status: "failed", error: { code } })
        const orders = await getContainer().resolve(Modules.ORDER).listOrders({ customer_id: customer.id })
        expect(orders).toHaveLength(0)
      })

      it("0341 can be saved, 0002 cannot", async () => {
        const holder = await (async () => {
          await checkout({ payment_method_id: await cardId(CARDS.succeeds) })
          return holderOf(customer.id)
        })()
        const saved = await payment().createPaymentMethods({ provider_id: PROVIDER, data: { payment_method_id: await cardId(CARDS.chargeFails) }, context: { account_holder: holder } })
        expect(saved.data).toMatchObject({ last4: "0341" })
        await expect(
          payment().createPaymentMethods({ provider_id: PROVIDER, data: { payment_method_id: await cardId(CARDS.declined) }, context: { account_holder: holder } })
        ).rejects.toThrow(/declined/)
      })

      it("3155 needs the customer's confirmation: refused until it is given, then paid", async () => {
        const id = await cardId(CARDS.confirm)
        expect(await failure(checkout({ payment_method_id: id }))).toMatch(/was not authorized with the provider|More information is required/)
        const [session] = await payment().listPaymentSessions({}, { order: { created_at: "DESC" }, take: 1 })
        expect(session).toMatchObject({ status: "requires_more", data: { status: "requires_action", next_action: { type: "confirm_card" } } })
        const order = await checkout({ payment_method_id: id, confirmation: "completed" })
        expect(order.id).toMatch(/^order_/)
      })

      it("refuses a payment that carries a card number instead of a card id", async () => {
        expect(await failure(checkout({ card_number: "4242424242424242" }))).toMatch(/Card numbers never go into a payment/)
      })

      it("a card saved by one customer cannot be used by another", async () => {
        const id = await cardId(CARDS.succeeds)
        await checkout({ payment_method_id: id, save_payment_method: true })
        const [other] = await getContainer().resolve(Modules.CUSTOMER).createCustomers([{ email: "other@example.com", has_account: true }])
        expect(await failure(checkout({ payment_method_id: id }, { id: other.id, email: other.email }))).toBe("There is no such payment method.")
      })

      it("refuses to charge, and to make cards, while the portal is in live mode", async () => {
        const id = await cardId(CARDS.succeeds)
        const service = getContainer().resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
        const portal = await service.ensurePortal({ name: "Store" })
        await service.updateCustomerPortals({ id: portal.id, mode: "live" })
        expect(await failure(checkout({ payment_method_id: id }))).toMatch(/does not charge while the portal is in live mode/)
        const res = await tokenize(CARDS.succeeds)
        expect(res.status).toBe(400)
        expect(res.data.message).toBe("Test cards work only while the portal is in test mode.")
      })
    })
  },
})

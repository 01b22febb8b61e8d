import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createAdminHeaders, createStoreHeaders, portalSession } from "../helpers/auth"
import { testCard } from "../helpers/test-cards"

jest.setTimeout(120_000)

const PROVIDER = "pp_test-card_test"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }
    const tokens: Record<string, string> = {}
    const as = (who: string) => ({ headers: { ...store.headers, authorization: `Bearer ${tokens[who]}` } })
    const get = (who: string) => api.get("/store/portal/payment-methods", as(who)).catch((e: any) => e.response)
    const add = (who: string, body: unknown) => api.post("/store/portal/payment-methods", body, as(who)).catch((e: any) => e.response)
    const card = (number: string) => testCard(api, store, number, 2)

    beforeEach(async () => {
      const container = getContainer()
      store = await createStoreHeaders(container)
      admin = await createAdminHeaders(container)
      for (const email of ["layla@example.com", "other@example.com"]) {
        const [customer] = await container.resolve(Modules.CUSTOMER).createCustomers([{ email, has_account: true }])
        tokens[email] = await portalSession(api, admin, store, customer.id)
      }
    })

    it("lists nothing at first, saves a card with the customer's account holder, then lists it", async () => {
      expect((await get("layla@example.com")).data.payment_methods).toEqual([])
      const res = await add("layla@example.com", { provider_id: PROVIDER, payment_method_id: await card("4242 4242 4242 4242") })
      expect(res.status).toBe(201)
      expect(res.data.payment_method).toMatchObject({ provider_id: PROVIDER, brand: "visa", last4: "4242", exp_month: 12 })
      const second = await add("layla@example.com", { provider_id: PROVIDER, payment_method_id: await card("4000 0000 0000 0341") })
      expect(second.status).toBe(201)
      const listed = (await get("layla@example.com")).data.payment_methods.map((m: any) => m.last4).sort()
      expect(listed).toEqual(["0341", "4242"])
      expect((await get("other@example.com")).data.payment_methods).toEqual([])
    })

    it("refuses a declined card with the provider's sentence, and saves nothing", async () => {
      const res = await add("layla@example.com", { provider_id: PROVIDER, payment_method_id: await card("4000 0000 0000 0002") })
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      expect(res.data.message).toBe("Your card was declined. Try another card.")
      expect((await get("layla@example.com")).data.payment_methods).toEqual([])
    })

    it("cannot take another customer's saved card: 404", async () => {
      const id = await card("4242 4242 4242 4242")
      expect((await add("other@example.com", { provider_id: PROVIDER, payment_method_id: id })).status).toBe(201)
      const res = await add("layla@example.com", { provider_id: PROVIDER, payment_method_id: id })
      expect(res.status).toBe(404)
      expect(res.data.message).toBe("There is no such payment method.")
      expect((await get("layla@example.com")).data.payment_methods).toEqual([])
    })

    it.each([
      [{ provider_id: PROVIDER, payment_method_id: "4242424242424242" }, /never a card number/],
      [{ provider_id: "pp_nowhere_x", payment_method_id: "tcard_1" }, /not available/],
      [{ provider_id: PROVIDER }, /payment_method_id/],
      [{ provider_id: PROVIDER, payment_method_id: "tcard_1", customer_id: "cus_1" }, /customer_id/],
    ])("refuses %j with a 400 that says why", async (body, message) => {
      const res = await add("layla@example.com", body)
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(message)
    })

    it("needs a session", async () => {
      expect((await api.get("/store/portal/payment-methods", store).catch((e: any) => e.response)).status).toBe(401)
      expect((await api.post("/store/portal/payment-methods", {}, store).catch((e: any) => e.response)).status).toBe(401)
    })
  },
})

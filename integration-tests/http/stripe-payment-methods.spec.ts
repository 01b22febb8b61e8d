import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { clock } from "../../src/lib/clock"
import { GENERIC_REFUSAL } from "../../src/lib/provider-refusals"
import { CUSTOMER_PORTAL_MODULE } from "../../src/modules/customer-portal"
import type CustomerPortalModuleService from "../../src/modules/customer-portal/service"
import { createAdminHeaders, createStoreHeaders, portalSession } from "../helpers/auth"
import { createDigitalCatalog } from "../helpers/catalog"
import { tokenOf } from "../helpers/outbox"
import type { Emulator } from "../stripe-emulator/__tests__/helpers"

jest.setTimeout(180_000)

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStripeEmulator } = require("../stripe-emulator")

const STRIPE = "pp_stripe_stripe"
const TEST_CARD = "pp_test-card_test"
const PUBLISHABLE_KEY = "pk_test_emulator"

// Before the runner's own beforeAll loads medusa-config.ts, which registers Medusa's Stripe provider
// (talking to this emulator) only when STRIPE_EMULATOR_URL is set.
let stripe: Emulator
beforeAll(async () => {
  stripe = await startStripeEmulator({ port: 0, webhookUrl: null })
  process.env.STRIPE_EMULATOR_URL = stripe.url
})
afterAll(async () => {
  delete process.env.STRIPE_EMULATOR_URL
  await stripe?.close()
})

/** What Stripe.js does in the customer's browser: confirms the SetupIntent with its client secret and the publishable key. */
async function confirmInBrowser(setup: { id: string; client_secret: string }, card: { alias: string } | { number: string }) {
  const form = new URLSearchParams({ client_secret: setup.client_secret })
  if ("alias" in card) form.set("payment_method", card.alias)
  else {
    form.set("payment_method_data[type]", "card")
    form.set("payment_method_data[card][number]", card.number)
    form.set("payment_method_data[card][exp_month]", "12")
    form.set("payment_method_data[card][exp_year]", String(new Date().getUTCFullYear() + 3))
    form.set("payment_method_data[card][cvc]", "123")
  }
  const res = await fetch(`${stripe.url}/v1/setup_intents/${setup.id}/confirm`, {
    method: "POST",
    headers: { authorization: `Bearer ${PUBLISHABLE_KEY}`, "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  })
  const body = (await res.json()) as any
  return { status: res.status, intent: res.ok ? body : body.error?.setup_intent, error: res.ok ? null : body.error }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }
    let catalog: Awaited<ReturnType<typeof createDigitalCatalog>>
    const ids: Record<string, string> = {}
    const tokens: Record<string, string> = {}
    const as = (who: string, extra: Record<string, string> = {}) => ({ headers: { ...store.headers, authorization: `Bearer ${tokens[who]}`, ...extra } })
    const answer = (call: Promise<any>) => call.catch((e: any) => e.response)
    const providers = (who: string, query = "") => answer(api.get(`/store/portal/payment-providers${query}`, as(who)))
    const begin = (who: string, key?: string, body: Record<string, unknown> = { provider_id: STRIPE }) =>
      answer(api.post("/store/portal/payment-methods/setups", body, as(who, key ? { "idempotency-key": key } : {})))
    const save = (who: string, payment_method_id: string) => answer(api.post("/store/portal/payment-methods", { provider_id: STRIPE, payment_method_id }, as(who)))
    const list = async (who: string) => (await answer(api.get("/store/portal/payment-methods", as(who)))).data

    /** A card added as the storefront's Stripe form does: setup, confirmation in the browser, then saving what it attached. */
    async function addCard(who: string, card: { alias: string } | { number: string }) {
      const { setup } = (await begin(who)).data
      const confirmed = await confirmInBrowser(setup, card)
      expect(confirmed.status).toBe(200)
      expect(confirmed.intent.status).toBe("succeeded")
      return { setup, payment_method_id: confirmed.intent.payment_method as string, saved: await save(who, confirmed.intent.payment_method) }
    }

    beforeEach(async () => {
      stripe.reset()
      const container = getContainer()
      store = await createStoreHeaders(container)
      admin = await createAdminHeaders(container)
      catalog = await createDigitalCatalog(container, 49, ["pp_system_default", TEST_CARD, STRIPE])
      const [layla, omar] = await container.resolve(Modules.CUSTOMER).createCustomers([
        { email: "layla@example.com", first_name: "Layla", has_account: true },
        { email: "omar@example.com", first_name: "Omar", has_account: true },
      ])
      ids.layla = layla.id
      ids.omar = omar.id
      tokens.layla = await portalSession(api, admin, store, layla.id)
      tokens.omar = await portalSession(api, admin, store, omar.id)
    })

    it("offers Stripe with its publishable key beside the test card provider in a test session, only where a subscription renews, and nothing of test money to a live session", async () => {
      const container = getContainer()
      const service = container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
      const all = await providers("layla")
      expect(all.status).toBe(200)
      expect(all.data.payment_providers).toEqual([
        { id: STRIPE, kind: "stripe", publishable_key: PUBLISHABLE_KEY, current: false },
        { id: TEST_CARD, kind: "test-card", current: false },
      ])

      // A subscription that renews in a region without Stripe is offered the test card only; one in Stripe's region, both.
      const {
        result: [canada],
      } = await createRegionsWorkflow(container).run({ input: { regions: [{ name: "CA", currency_code: "cad", countries: ["ca"], payment_providers: [TEST_CARD] }] } })
      const [portal] = await service.listCustomerPortals({}, { take: 1 })
      const now = clock.now()
      const subscription = (region_id: string, payment_provider_id: string | null) => ({
        portal_id: portal.id,
        mode: "test",
        customer_id: ids.layla,
        product_variant_id: catalog.variant.id,
        plan_title: "Desktop app",
        interval: "month",
        amount: 4900,
        currency_code: "usd",
        region_id,
        payment_provider_id,
        current_period_start: now,
        current_period_end: new Date(now.getTime() + 30 * 86_400_000),
        next_renewal_at: new Date(now.getTime() + 30 * 86_400_000),
      })
      const [inUs, inCanada] = (await service.createSubscriptions([subscription(catalog.region.id, STRIPE), subscription(canada.id, TEST_CARD)] as any)) as unknown as { id: string }[]
      expect((await providers("layla", `?subscription_id=${inUs.id}`)).data.payment_providers).toEqual([
        { id: STRIPE, kind: "stripe", publishable_key: PUBLISHABLE_KEY, current: true },
        { id: TEST_CARD, kind: "test-card", current: false },
      ])
      expect((await providers("layla", `?subscription_id=${inCanada.id}`)).data.payment_providers).toEqual([{ id: TEST_CARD, kind: "test-card", current: true }])
      // Another customer's subscription is not theirs to ask about.
      expect((await providers("omar", `?subscription_id=${inUs.id}`)).status).toBe(404)

      // The emulator's pk_test_ key makes Stripe a test provider: a live session is offered neither.
      const { link } = (await api.post(`/admin/customers/${ids.layla}/portal-sessions`, { mode: "live" }, admin)).data.portal_session
      tokens.live = (await api.post("/store/portal/sessions", { token: tokenOf(link) }, store)).data.session_token
      expect((await providers("live")).data.payment_providers).toEqual([])
      expect((await begin("live")).status).toBe(400)
    })

    it("adds a card through a SetupIntent the browser confirms (pm_card_visa, and a 4242 card typed in), listed with brand and last four", async () => {
      const first = await begin("layla")
      expect(first.status).toBe(201)
      expect(first.data.setup).toEqual({ provider_id: STRIPE, id: expect.stringMatching(/^seti_/), client_secret: expect.stringMatching(/^seti_.+_secret_/) })
      const [created] = stripe.requests({ method: "POST", path: "/v1/setup_intents" })
      expect(created.params).toMatchObject({ usage: "off_session", payment_method_types: ["card"], customer: expect.stringMatching(/^cus_/) })
      expect(created.idempotency_key).toEqual(expect.stringContaining("portal-setup:"))

      // Not confirmed yet: nothing is attached, so there is nothing to save.
      const early = await save("layla", "pm_card_visa")
      expect(early.status).toBe(400)
      expect(early.data.message).toBe(GENERIC_REFUSAL)

      const confirmed = await confirmInBrowser(first.data.setup, { alias: "pm_card_visa" })
      expect(confirmed.intent.status).toBe("succeeded")
      const saved = await save("layla", confirmed.intent.payment_method)
      expect(saved.status).toBe(201)
      expect(saved.data.payment_method).toEqual({ id: confirmed.intent.payment_method, provider_id: STRIPE, brand: "visa", last4: "4242", exp_month: expect.any(Number), exp_year: expect.any(Number) })

      const typed = await addCard("layla", { number: "4242424242424242" })
      expect(typed.saved.status).toBe(201)
      expect(typed.saved.data.payment_method).toMatchObject({ brand: "visa", last4: "4242", exp_month: 12 })

      const listed = await list("layla")
      expect(listed.unavailable_providers).toEqual([])
      expect(listed.payment_methods.map((m: any) => m.id).sort()).toEqual([confirmed.intent.payment_method, typed.payment_method_id].sort())
      expect(listed.payment_methods.every((m: any) => m.provider_id === STRIPE && m.brand === "visa" && m.last4 === "4242")).toBe(true)

      // The portal never sent the test card provider's parameter to Stripe (which refuses it as unknown).
      expect(stripe.requests().length).toBeGreaterThan(0)
      expect(JSON.stringify(stripe.requests().map((r: any) => r.params))).not.toContain("payment_method_id")
    })

    it("saves nothing when the bank declines the card at confirmation (4000 0000 0000 0002)", async () => {
      const { setup } = (await begin("layla")).data
      const confirmed = await confirmInBrowser(setup, { number: "4000000000000002" })
      expect(confirmed.status).toBe(402)
      expect(confirmed.error.code).toBe("card_declined")
      const declinedMethod = confirmed.error.payment_method.id as string
      const res = await save("layla", declinedMethod)
      expect(res.status).toBe(400)
      expect(res.data).toMatchObject({ code: "payment_method_not_saved", message: GENERIC_REFUSAL })
      expect(res.data.message).not.toMatch(/declined|pm_|Stripe/)
      expect((await list("layla")).payment_methods).toEqual([])
    })

    it("saves a card that needs 3-D Secure at setup (4000 0025 0000 3155) once the customer has completed it", async () => {
      const { setup } = (await begin("layla")).data
      const confirmed = await confirmInBrowser(setup, { number: "4000002500003155" })
      expect(confirmed.intent.status).toBe("requires_action")
      const pm = confirmed.intent.payment_method as string
      expect((await save("layla", pm)).status).toBe(400)
      expect(stripe.authenticate(setup.id, "succeed").status).toBe("succeeded")
      const saved = await save("layla", pm)
      expect(saved.status).toBe(201)
      expect(saved.data.payment_method).toMatchObject({ id: pm, brand: "visa", last4: "3155" })
      expect((await list("layla")).payment_methods.map((m: any) => m.last4)).toEqual(["3155"])
    })

    it("refuses a card attached to another customer's Stripe customer, and no session sees another's card", async () => {
      const omars = await addCard("omar", { alias: "pm_card_visa" })
      expect(omars.saved.status).toBe(201)
      const taken = await save("layla", omars.payment_method_id)
      expect(taken.status).toBe(400)
      expect(taken.data.message).toBe(GENERIC_REFUSAL)
      expect((await list("layla")).payment_methods).toEqual([])

      const laylas = await addCard("layla", { alias: "pm_card_visa" })
      expect(laylas.saved.status).toBe(201)
      expect((await list("omar")).payment_methods.map((m: any) => m.id)).toEqual([omars.payment_method_id])
      expect(JSON.stringify(await list("omar"))).not.toContain(laylas.payment_method_id)
      // Omar cannot make Layla's card his either.
      expect((await save("omar", laylas.payment_method_id)).status).toBe(400)
    })

    it("makes one SetupIntent for a double submit with one Idempotency-Key, and a new one for a new key", async () => {
      const [a, b] = await Promise.all([begin("layla", "setup-key-1"), begin("layla", "setup-key-1")])
      expect([a.status, b.status]).toEqual([201, 201])
      expect(b.data.setup).toEqual(a.data.setup)
      expect(stripe.requests({ method: "POST", path: "/v1/setup_intents" })).toHaveLength(1)
      const again = await begin("layla", "setup-key-1")
      expect(again.headers["idempotent-replayed"]).toBe("true")
      expect(again.data.setup.id).toBe(a.data.setup.id)
      const other = await begin("layla", "setup-key-2")
      expect(other.data.setup.id).not.toBe(a.data.setup.id)
      expect(stripe.requests({ method: "POST", path: "/v1/setup_intents" })).toHaveLength(2)
    })

    it("answers the test card provider that it saves cards without a setup, and an unknown provider that it is not available", async () => {
      const testCard = await begin("layla", undefined, { provider_id: TEST_CARD })
      expect(testCard.status).toBe(400)
      expect(testCard.data.code).toBe("setup_not_needed")
      const unknown = await begin("layla", undefined, { provider_id: "pp_nowhere_x" })
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toMatch(/not available/)
      expect(stripe.requests({ method: "POST", path: "/v1/setup_intents" })).toHaveLength(0)
    })

    it("lists what it can when Stripe fails, and says which provider could not answer instead of showing an empty list as the truth", async () => {
      await addCard("layla", { alias: "pm_card_visa" })
      stripe.fault({ method: "GET", path: "/v1/customers/*/payment_methods", kind: "500", times: 1 })
      const listed = await list("layla")
      expect(listed.payment_methods).toEqual([])
      expect(listed.unavailable_providers).toEqual([STRIPE])
      expect((await list("layla")).payment_methods).toHaveLength(1)
    })
  },
})

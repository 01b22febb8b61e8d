// The emulator as stripe-node 15 (the copy Medusa's Stripe provider uses) sees it.
import { Emulator, client, failure, outcome, start, until, webhookReceiver, Stripe } from "./helpers"

let emulator: Emulator
let stripe: any
beforeAll(async () => {
  emulator = await start({ webhookDelayMs: null })
  stripe = client(emulator)
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const card = { payment_method_types: ["card"] }
const customer = () => stripe.customers.create({ email: "layla@example.com", name: "Layla" })

describe("parameters Stripe refuses", () => {
  it("refuses a parameter the endpoint does not take, naming it, and creates nothing", async () => {
    const cus = await customer()
    const error = await failure(stripe.setupIntents.create({ customer: cus.id, payment_method_id: "pm_card_visa" }))
    expect(error.type).toBe("StripeInvalidRequestError")
    expect(error.message).toBe("Received unknown parameter: payment_method_id")
    expect(error.param).toBe("payment_method_id")
    expect(error.statusCode).toBe(400)
    expect(error.requestId).toMatch(/^req_/)
    const nested = await failure(stripe.paymentIntents.create({ amount: 1000, currency: "usd", automatic_payment_methods: { enabled: true, redirects: "never" } }))
    expect(nested.message).toBe("Received unknown parameter: automatic_payment_methods[redirects]")
    expect([...emulator.state.store.objects.values()].filter((o: any) => o.object !== "customer")).toEqual([])
  })

  it("refuses payment_method_types together with automatic_payment_methods, and off_session without confirm", async () => {
    const both = await failure(stripe.paymentIntents.create({ amount: 1000, currency: "usd", ...card, automatic_payment_methods: { enabled: true } }))
    expect(both.message).toMatch(/only specify one of these parameters: automatic_payment_methods, payment_method_types/)
    const offSession = await failure(stripe.paymentIntents.create({ amount: 1000, currency: "usd", ...card, payment_method: "pm_card_visa", off_session: true }))
    expect(offSession.param).toBe("off_session")
  })

  it("requires a return_url to confirm while automatic payment methods allow redirects, and not once they are never allowed", async () => {
    const cus = await customer()
    const base = { amount: 1000, currency: "usd", customer: cus.id, payment_method: "pm_card_visa", confirm: true }
    const implicit = await failure(stripe.paymentIntents.create(base))
    expect(implicit.param).toBe("return_url")
    expect((await failure(stripe.paymentIntents.create({ ...base, automatic_payment_methods: { enabled: true } }))).param).toBe("return_url")
    expect(await outcome(stripe.paymentIntents.create({ ...base, automatic_payment_methods: { enabled: true, allow_redirects: "never" } }))).toBe("succeeded")
    expect(await outcome(stripe.paymentIntents.create({ ...base, return_url: "https://shop.example/back" }))).toBe("succeeded")
  })

  it("refuses another customer's method, an amount under Stripe's minimum, and a method used once without a customer", async () => {
    const [a, b] = [await customer(), await customer()]
    const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: a.id })
    const other = await failure(stripe.paymentIntents.create({ amount: 1000, currency: "usd", ...card, customer: b.id, payment_method: pm.id, confirm: true }))
    expect([other.type, other.param]).toEqual(["StripeInvalidRequestError", "payment_method"])
    const small = await failure(stripe.paymentIntents.create({ amount: 49, currency: "usd", ...card }))
    expect([small.code, small.message]).toEqual(["amount_too_small", "Amount must be at least $0.50 usd"])
    const loose = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", ...card, payment_method: "pm_card_visa", confirm: true })
    const again = await failure(stripe.paymentIntents.create({ amount: 1000, currency: "usd", ...card, payment_method: loose.payment_method, confirm: true }))
    expect(again.message).toMatch(/may not be used again/)
  })
})

describe("Stripe's test cards", () => {
  // [alias, SetupIntent confirm, PaymentIntent on-session, PaymentIntent off-session (never set up)]
  const table: [string, string, string, string][] = [
    ["pm_card_visa", "succeeded", "succeeded", "succeeded"],
    ["pm_card_chargeDeclined", "StripeCardError card_declined/generic_decline", "StripeCardError card_declined/generic_decline", "StripeCardError card_declined/generic_decline"],
    ["pm_card_chargeDeclinedInsufficientFunds", "StripeCardError card_declined/insufficient_funds", "StripeCardError card_declined/insufficient_funds", "StripeCardError card_declined/insufficient_funds"],
    ["pm_card_chargeDeclinedExpiredCard", "StripeCardError expired_card/expired_card", "StripeCardError expired_card/expired_card", "StripeCardError expired_card/expired_card"],
    ["pm_card_chargeDeclinedProcessingError", "StripeCardError processing_error/processing_error", "StripeCardError processing_error/processing_error", "StripeCardError processing_error/processing_error"],
    ["pm_card_chargeCustomerFail", "succeeded", "StripeCardError card_declined/generic_decline", "StripeCardError card_declined/generic_decline"],
    ["pm_card_authenticationRequiredOnSetup", "requires_action", "requires_action", "StripeCardError authentication_required/authentication_required"],
    ["pm_card_authenticationRequired", "requires_action", "requires_action", "StripeCardError authentication_required/authentication_required"],
    ["pm_card_authenticationRequiredChargeDeclinedInsufficientFunds", "requires_action", "requires_action", "StripeCardError card_declined/insufficient_funds"],
  ]

  it.each(table)("%s: setup %s, on-session %s, off-session %s", async (alias, setup, onSession, offSession) => {
    const cus = await customer()
    const pay = { amount: 2000, currency: "usd", customer: cus.id, ...card, payment_method: alias, confirm: true }
    expect(await outcome(stripe.setupIntents.create({ customer: cus.id, ...card, payment_method: alias, confirm: true, usage: "off_session" }))).toBe(setup)
    expect(await outcome(stripe.paymentIntents.create({ ...pay, off_session: false }))).toBe(onSession)
    expect(await outcome(stripe.paymentIntents.create({ ...pay, off_session: true }))).toBe(offSession)
  })

  it("puts a decline in last_payment_error of an intent that asks for another method, and in the 402", async () => {
    const cus = await customer()
    const error = await failure(stripe.paymentIntents.create({ amount: 2000, currency: "usd", customer: cus.id, ...card, payment_method: "pm_card_chargeDeclinedInsufficientFunds", confirm: true }))
    expect(error.statusCode).toBe(402)
    const intent = error.raw.payment_intent
    expect([intent.status, intent.payment_method]).toEqual(["requires_payment_method", null])
    expect(intent.last_payment_error).toMatchObject({ type: "card_error", code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." })
    expect(intent.last_payment_error.payment_method.card.last4).toBe("9995")
    expect((await stripe.paymentIntents.retrieve(intent.id)).last_payment_error.decline_code).toBe("insufficient_funds")
  })

  it("makes a new PaymentMethod each time an alias is used; a card number only through the publishable key", async () => {
    const cus = await customer()
    const one = await stripe.paymentMethods.attach("pm_card_visa", { customer: cus.id })
    const two = await stripe.paymentMethods.attach("pm_card_visa", { customer: cus.id })
    expect(one.id).not.toBe(two.id)
    expect((await stripe.customers.listPaymentMethods(cus.id, { limit: 100 })).data.map((p: any) => p.id)).toEqual([two.id, one.id])
    const cardData = { type: "card", card: { number: "4242 4242 4242 4242", exp_month: 12, exp_year: new Date().getUTCFullYear() + 2, cvc: "123" } }
    const pm = await stripe.paymentMethods.create(cardData, { apiKey: "pk_test_emulator" })
    expect(pm.card).toMatchObject({ brand: "visa", last4: "4242", exp_month: 12 })
    expect((await failure(stripe.paymentMethods.create(cardData))).param).toBe("card[number]")
    const live = await failure(stripe.paymentMethods.create({ ...cardData, card: { ...cardData.card, number: "4111 1111 1111 1111" } }, { apiKey: "pk_test_emulator" }))
    expect([live.statusCode, live.code, live.message]).toEqual([402, "card_declined", expect.stringMatching(/non test \(live\) card/)])
    expect((await failure(stripe.paymentMethods.attach("pm_card_chargeDeclined", { customer: cus.id }))).code).toBe("card_declined")
  })

  it("lets a publishable key create methods and confirm only the intent whose client secret it holds", async () => {
    const cus = await customer()
    const pk = { apiKey: "pk_test_emulator" }
    expect((await failure(stripe.customers.create({}, pk))).type).toBe("StripeAuthenticationError")
    const si = await stripe.setupIntents.create({ customer: cus.id, ...card })
    expect((await failure(stripe.setupIntents.confirm(si.id, { payment_method: "pm_card_visa" }, pk))).type).toBe("StripeAuthenticationError")
    expect((await failure(stripe.setupIntents.confirm(si.id, { payment_method: "pm_card_visa", client_secret: "seti_x_secret_y" }, pk))).param).toBe("client_secret")
    const confirmed = await stripe.setupIntents.confirm(si.id, { payment_method: "pm_card_visa", client_secret: si.client_secret }, pk)
    expect(confirmed.status).toBe("succeeded")
    expect((await stripe.paymentMethods.retrieve(confirmed.payment_method)).customer).toBe(cus.id)
  })
})

describe("3-D Secure", () => {
  it("sets up 3155 once authenticated, after which it pays off-session without authentication", async () => {
    const cus = await customer()
    const si = await stripe.setupIntents.create({ customer: cus.id, ...card, payment_method: "pm_card_authenticationRequiredOnSetup", confirm: true })
    expect(si.next_action).toMatchObject({ type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect" } })
    expect((await stripe.customers.listPaymentMethods(cus.id)).data).toEqual([])
    // The browser's side goes through the HTTP control, as a browser test would.
    const res = await fetch(`${emulator.url}/_emulator/intents/${si.id}/authenticate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ outcome: "succeed" }) })
    expect((await res.json()).status).toBe("succeeded")
    const pay = { amount: 2000, currency: "usd", customer: cus.id, ...card, payment_method: si.payment_method, confirm: true }
    expect(await outcome(stripe.paymentIntents.create({ ...pay, off_session: true, capture_method: "manual" }))).toBe("requires_capture")
    expect(await outcome(stripe.paymentIntents.create({ ...pay, off_session: false }))).toBe("requires_action")
  })

  it("leaves a failed setup authentication with setup_intent_authentication_failure and the card unsaved", async () => {
    const cus = await customer()
    const si = await stripe.setupIntents.create({ customer: cus.id, ...card, payment_method: "pm_card_authenticationRequired", confirm: true })
    emulator.authenticate(si.id, "fail")
    const after = await stripe.setupIntents.retrieve(si.id)
    expect([after.status, after.last_setup_error.code]).toEqual(["requires_payment_method", "setup_intent_authentication_failure"])
    expect((await stripe.customers.listPaymentMethods(cus.id)).data).toEqual([])
  })

  it("finishes an on-session payment on the same intent: completed, failed, or completed and then declined (3178)", async () => {
    const cus = await customer()
    const pay = (alias: string) => stripe.paymentIntents.create({ amount: 2000, currency: "usd", customer: cus.id, ...card, payment_method: alias, confirm: true })
    const completed = await pay("pm_card_authenticationRequired")
    expect(completed.client_secret).toMatch(new RegExp(`^${completed.id}_secret_`))
    emulator.authenticate(completed.id, "succeed")
    expect((await stripe.paymentIntents.retrieve(completed.id)).status).toBe("succeeded")
    const failed = await pay("pm_card_authenticationRequired")
    emulator.authenticate(failed.id, "fail")
    expect((await stripe.paymentIntents.retrieve(failed.id)).last_payment_error.code).toBe("payment_intent_authentication_failure")
    const declined = await pay("pm_card_authenticationRequiredChargeDeclinedInsufficientFunds")
    emulator.authenticate(declined.id, "succeed")
    const after = await stripe.paymentIntents.retrieve(declined.id)
    expect([after.status, after.last_payment_error.decline_code]).toEqual(["requires_payment_method", "insufficient_funds"])
  })
})

describe("capture, cancel and refunds", () => {
  it("captures once, cancels once and refunds what was captured, with the intent in each refusal", async () => {
    const cus = await customer()
    const pay = { amount: 2000, currency: "usd", customer: cus.id, ...card, payment_method: "pm_card_visa", confirm: true, capture_method: "manual" }
    const pi = await stripe.paymentIntents.create(pay)
    expect([pi.status, pi.amount_capturable]).toEqual(["requires_capture", 2000])
    expect((await stripe.paymentIntents.capture(pi.id)).amount_received).toBe(2000)
    const twice = await failure(stripe.paymentIntents.capture(pi.id))
    expect([twice.code, twice.payment_intent.status]).toEqual(["payment_intent_unexpected_state", "succeeded"])
    expect((await stripe.refunds.create({ amount: 500, payment_intent: pi.id })).status).toBe("succeeded")
    expect((await failure(stripe.refunds.create({ amount: 1600, payment_intent: pi.id }))).code).toBe("amount_too_large")
    expect((await stripe.refunds.create({ payment_intent: pi.id })).amount).toBe(1500)
    expect((await failure(stripe.refunds.create({ payment_intent: pi.id }))).code).toBe("charge_already_refunded")
    const held = await stripe.paymentIntents.create(pay)
    expect((await failure(stripe.refunds.create({ payment_intent: held.id }))).type).toBe("StripeInvalidRequestError")
    expect((await stripe.paymentIntents.cancel(held.id)).status).toBe("canceled")
    const again = await failure(stripe.paymentIntents.cancel(held.id))
    expect([again.code, again.payment_intent.status]).toEqual(["payment_intent_unexpected_state", "canceled"])
  })

  it("keeps an emulator processing card processing until it is settled", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 2000, currency: "usd", ...card, payment_method: "pm_card_emulator_processing", confirm: true })
    expect(pi.status).toBe("processing")
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe("processing")
    emulator.settle(pi.id, "succeed")
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe("succeeded")
  })
})

describe("idempotency keys", () => {
  it("replays the first answer for the same key and parameters, and refuses the key with other parameters", async () => {
    const first = await stripe.customers.create({ email: "a@example.com" }, { idempotencyKey: "cus-key" })
    const replay = await stripe.customers.create({ email: "a@example.com" }, { idempotencyKey: "cus-key" })
    expect(replay.id).toBe(first.id)
    expect(replay.lastResponse.headers["idempotent-replayed"]).toBe("true")
    expect(first.lastResponse.headers["idempotent-replayed"]).toBeUndefined()
    expect(emulator.requests({ path: "/v1/customers" }).map((r) => r.replayed)).toEqual([false, true])
    const other = await failure(stripe.customers.create({ email: "b@example.com" }, { idempotencyKey: "cus-key" }))
    expect([other.type, other.statusCode]).toEqual(["StripeIdempotencyError", 400])
    expect([...emulator.state.store.objects.values()].filter((o: any) => o.object === "customer")).toHaveLength(1)
  })

  it("keeps a decline under its key but not a refusal of the parameters", async () => {
    const pay = { amount: 2000, currency: "usd", ...card, payment_method: "pm_card_chargeDeclined", confirm: true }
    const declined = await failure(stripe.paymentIntents.create(pay, { idempotencyKey: "pay-1" }))
    const replayed = await failure(stripe.paymentIntents.create(pay, { idempotencyKey: "pay-1" }))
    expect(replayed.raw.payment_intent.id).toBe(declined.raw.payment_intent.id)
    await failure(stripe.paymentIntents.create({ ...pay, bogus: "x" }, { idempotencyKey: "pay-2" }))
    expect((await failure(stripe.paymentIntents.create(pay, { idempotencyKey: "pay-2" }))).code).toBe("card_declined")
  })
})

describe("faults", () => {
  const pay = { amount: 2000, currency: "usd", ...card, payment_method: "pm_card_visa", confirm: true, metadata: { session_id: "payses_1" } }
  const intents = () => [...emulator.state.store.objects.values()].filter((o: any) => o.object === "payment_intent")

  it("a 500 before the change charges nothing; a 500 after it leaves the intent succeeded while the caller saw an error", async () => {
    emulator.fault({ method: "POST", path: "/v1/payment_intents", kind: "500" })
    expect((await failure(stripe.paymentIntents.create(pay))).type).toBe("StripeAPIError")
    expect(intents()).toEqual([])
    emulator.fault({ method: "POST", path: "/v1/payment_intents", kind: "500", after_commit: true })
    expect((await failure(stripe.paymentIntents.create(pay))).type).toBe("StripeAPIError")
    expect(intents().map((i: any) => [i.status, i.metadata.session_id])).toEqual([["succeeded", "payses_1"]])
    expect(emulator.requests({ path: "/v1/payment_intents" }).map((r) => [r.status, r.fault])).toEqual([[500, "500"], [500, "500 after commit"]])
  })

  it("drops the connection, hangs, and rate limits as asked, then answers again", async () => {
    // stripe-node sends a request again once, even with maxNetworkRetries 0, when the connection is reset.
    emulator.fault({ path: "/v1/customers", kind: "reset", times: 2 })
    expect((await failure(customer())).type).toBe("StripeConnectionError")
    expect(emulator.requests({ path: "/v1/customers" }).map((r) => r.fault)).toEqual(["reset", "reset"])
    emulator.fault({ path: "/v1/customers", kind: "hang" })
    const slow = client(emulator, "sk_test_emulator", 300)
    const hung = await failure(slow.customers.create({}))
    expect([hung.type, hung.message]).toEqual(["StripeConnectionError", expect.stringMatching(/timeout/)])
    emulator.fault({ path: "/v1/customers", kind: "429", times: 2 })
    expect((await failure(customer())).type).toBe("StripeRateLimitError")
    expect((await failure(customer())).type).toBe("StripeRateLimitError")
    expect((await customer()).id).toMatch(/^cus_/)
  })

  it("a dropped answer after capture: stripe-node sends it again, and the key replays the capture instead of a second one", async () => {
    const pi = await stripe.paymentIntents.create({ ...pay, capture_method: "manual" })
    emulator.fault({ path: "/v1/payment_intents/*/capture", kind: "reset", after_commit: true })
    const captured = await stripe.paymentIntents.capture(pi.id, {}, { idempotencyKey: "capture-1" })
    expect([captured.status, captured.lastResponse.headers["idempotent-replayed"]]).toEqual(["succeeded", "true"])
    const other = await stripe.paymentIntents.create({ ...pay, capture_method: "manual" })
    emulator.fault({ path: "/v1/payment_intents/*/capture", kind: "reset", after_commit: true })
    const unkeyed = await failure(stripe.paymentIntents.capture(other.id))
    expect([unkeyed.code, unkeyed.payment_intent.status]).toEqual(["payment_intent_unexpected_state", "succeeded"])
    emulator.fault({ path: "/v1/payment_intents/*/capture", kind: "reset", after_commit: true, times: 2 })
    const third = await stripe.paymentIntents.create({ ...pay, capture_method: "manual" })
    expect((await failure(stripe.paymentIntents.capture(third.id, {}, { idempotencyKey: "capture-3" }))).type).toBe("StripeConnectionError")
    expect(emulator.object(third.id).status).toBe("succeeded")
  })
})

describe("the request log", () => {
  it("records method, path, the parsed parameters, the idempotency key and the status", async () => {
    await stripe.paymentIntents.create({ ...card, amount: 2000, currency: "usd", metadata: { session_id: "s" }, expand: ["payment_method"], off_session: false }, { idempotencyKey: "k" })
    const [entry] = emulator.requests({ method: "POST", path: "/v1/payment_intents" })
    expect(entry).toMatchObject({
      method: "POST",
      path: "/v1/payment_intents",
      params: { amount: "2000", currency: "usd", metadata: { session_id: "s" }, expand: ["payment_method"], off_session: "false", payment_method_types: ["card"] },
      idempotency_key: "k",
      key_type: "secret",
      status: 200,
    })
    const res = await fetch(`${emulator.url}/_emulator/requests?path=/v1/payment_intents`)
    expect((await res.json()).data).toHaveLength(1)
  })
})

describe("webhooks", () => {
  it("signs every intent event with the endpoint secret and delivers it after a short delay", async () => {
    const receiver = await webhookReceiver()
    emulator.configureWebhooks({ url: receiver.url, secret: "whsec_test", delayMs: 10 })
    try {
      const pi = await stripe.paymentIntents.create({ amount: 2000, currency: "usd", ...card, payment_method: "pm_card_visa", confirm: true, capture_method: "manual", metadata: { session_id: "payses_9" } })
      await stripe.paymentIntents.cancel(pi.id)
      await until(() => receiver.deliveries.length === 3)
      expect(receiver.deliveries.map((d) => d.event.type)).toEqual(["payment_intent.created", "payment_intent.amount_capturable_updated", "payment_intent.canceled"])
      const verify = new Stripe("sk_test_emulator")
      for (const d of receiver.deliveries) {
        const event = verify.webhooks.constructEvent(d.raw, d.headers["stripe-signature"], "whsec_test")
        expect(event.data.object).toMatchObject({ id: pi.id, metadata: { session_id: "payses_9" } })
      }
      expect(() => verify.webhooks.constructEvent(receiver.deliveries[0].raw, receiver.deliveries[0].headers["stripe-signature"], "whsec_other")).toThrow(/signature/i)
    } finally {
      emulator.configureWebhooks({ url: null, delayMs: null })
      await receiver.close()
    }
  })

  it("without a delay delivers only on flush, and tries an event the endpoint refused again on the next flush", async () => {
    let status = 500
    const receiver = await webhookReceiver(() => status)
    emulator.configureWebhooks({ url: receiver.url, delayMs: null })
    try {
      await stripe.paymentIntents.create({ amount: 2000, currency: "usd", ...card })
      await new Promise((r) => setTimeout(r, 50))
      expect(emulator.webhooks().map((e) => e.delivered)).toEqual([false])
      await fetch(`${emulator.url}/_emulator/webhooks/flush`, { method: "POST" })
      expect(receiver.deliveries).toHaveLength(0)
      expect(emulator.webhooks()[0].attempts.map((a: any) => a.status)).toEqual([500])
      status = 200
      await emulator.flushWebhooks()
      expect(receiver.deliveries.map((d) => d.event.type)).toEqual(["payment_intent.created"])
      expect(emulator.webhooks()[0].delivered).toBe(true)
    } finally {
      emulator.configureWebhooks({ url: null })
      await receiver.close()
    }
  })
})

// Medusa's real Stripe provider (only its client swapped, provider.ts) against the emulator.
import { EmulatedStripeProviderService } from "../provider"
import { Emulator, failure, start, until, webhookReceiver } from "./helpers"

let emulator: Emulator
let provider: any
const logger = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} }
beforeAll(async () => {
  emulator = await start({ webhookDelayMs: null })
  provider = new EmulatedStripeProviderService({ logger }, { apiKey: "sk_test_emulator", webhookSecret: "whsec_provider", apiBase: emulator.url })
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const medusaCustomer = {
  id: "cus_01MEDUSA",
  email: "layla@example.com",
  first_name: "Layla",
  last_name: "Haddad",
  phone: null,
  billing_address: { city: "Dubai", country_code: "ae", address_1: "1 Sheikh Zayed Rd", postal_code: "00000" },
}

async function accountHolder() {
  const holder = await provider.createAccountHolder({ context: { customer: medusaCustomer, idempotency_key: medusaCustomer.id } })
  return { data: { id: holder.id } }
}

async function savedCard(account_holder: { data: { id: string } }, alias = "pm_card_visa") {
  const saved = await provider.savePaymentMethod({
    context: { account_holder, idempotency_key: `save-${alias}` },
    data: { payment_method: alias, confirm: true, usage: "off_session", payment_method_types: ["card"] },
  })
  return saved.data.payment_method as string
}

// What a renewal sends once B7 is fixed: off-session, confirmed, no redirects.
const charge = (account_holder: unknown, payment_method: string, session_id: string, extra: Record<string, unknown> = {}) =>
  provider.initiatePayment({
    amount: 20,
    currency_code: "usd",
    data: { session_id, payment_method, off_session: true, confirm: true, automatic_payment_methods: { enabled: true, allow_redirects: "never" }, ...extra },
    context: { account_holder, idempotency_key: session_id },
  })

describe("Medusa's Stripe provider against the emulator", () => {
  it("keeps the provider's identity, so Medusa registers it as pp_stripe_<id>", () => {
    expect((EmulatedStripeProviderService as any).identifier).toBe("stripe")
  })

  it("creates one Stripe customer per Medusa customer, whatever the retries", async () => {
    const first = await provider.createAccountHolder({ context: { customer: medusaCustomer, idempotency_key: medusaCustomer.id } })
    const again = await provider.createAccountHolder({ context: { customer: medusaCustomer, idempotency_key: medusaCustomer.id } })
    expect(again.id).toBe(first.id)
    expect(first.data).toMatchObject({ email: "layla@example.com", name: "Layla Haddad", address: { city: "Dubai", country: "ae" } })
    expect(emulator.requests({ path: "/v1/customers" }).map((r) => r.replayed)).toEqual([false, true])
  })

  it("refuses the parameter the portal sends today to save a card (B1), and saves and lists a card sent as Stripe wants", async () => {
    const account_holder = await accountHolder()
    await expect(provider.savePaymentMethod({ context: { account_holder }, data: { payment_method_id: "pm_card_visa" } })).rejects.toThrow(
      "Received unknown parameter: payment_method_id"
    )
    const pm = await savedCard(account_holder)
    const listed = await provider.listPaymentMethods({ context: { account_holder } })
    expect(listed.map((m: any) => [m.id, m.data.card.last4])).toEqual([[pm, "4242"]])
    await provider.deletePaymentMethod({ data: { id: pm } })
    expect(await provider.listPaymentMethods({ context: { account_holder } })).toEqual([])
  })

  it("authorizes, captures (twice, harmlessly), refunds (twice, harmlessly) an off-session charge", async () => {
    const account_holder = await accountHolder()
    const started = await charge(account_holder, await savedCard(account_holder), "payses_ok")
    expect([started.status, started.id]).toEqual(["authorized", expect.stringMatching(/^pi_/)])
    const sent = emulator.requests({ method: "POST", path: "/v1/payment_intents" })[0]
    expect(sent.params).toMatchObject({ off_session: "true", confirm: "true", capture_method: "manual", metadata: { session_id: "payses_ok" }, expand: ["payment_method"] })
    expect(sent.idempotency_key).toBe("payses_ok")
    expect((await provider.authorizePayment({ data: { id: started.id } })).status).toBe("authorized")
    expect((await provider.capturePayment({ data: { id: started.id } })).data.status).toBe("succeeded")
    expect((await provider.capturePayment({ data: { id: started.id } })).data.status).toBe("succeeded")
    await provider.refundPayment({ amount: 20, data: { id: started.id, currency: "usd" } })
    await provider.refundPayment({ amount: 20, data: { id: started.id, currency: "usd" } })
    expect(emulator.requests({ path: "/v1/refunds" }).map((r) => r.status)).toEqual([200, 400])
  })

  it("cancels an authorization once, and tolerates cancelling it again", async () => {
    const account_holder = await accountHolder()
    const started = await charge(account_holder, await savedCard(account_holder), "payses_cancel")
    expect((await provider.cancelPayment({ data: { id: started.id } })).data.status).toBe("canceled")
    expect((await provider.cancelPayment({ data: { id: started.id } })).data.status).toBe("canceled")
  })

  it("throws a plain error for a charge that confirms without a return_url while redirects are allowed (B7)", async () => {
    const account_holder = await accountHolder()
    const pm = await savedCard(account_holder)
    const error = await failure(charge(account_holder, pm, "payses_b7", { automatic_payment_methods: undefined }))
    expect(error.message).toMatch(/return_url/)
  })

  it("keeps a decline as session data with status error and the reason in last_payment_error (B6)", async () => {
    const account_holder = await accountHolder()
    for (const [alias, code, decline] of [
      ["pm_card_chargeCustomerFail", "card_declined", "generic_decline"],
      ["pm_card_authenticationRequired", "authentication_required", "authentication_required"],
      ["pm_card_authenticationRequiredChargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds"],
    ]) {
      const declined = await charge(account_holder, alias, `payses_${alias}`)
      expect([declined.status, declined.data.last_payment_error.code, declined.data.last_payment_error.decline_code]).toEqual(["error", code, decline])
    }
  })

  it("asks for more on an on-session charge that needs 3-D Secure, and authorizes the same intent once it is completed", async () => {
    const account_holder = await accountHolder()
    const started = await charge(account_holder, "pm_card_authenticationRequired", "payses_3ds", { off_session: false })
    expect([started.status, started.data.next_action.type]).toEqual(["requires_more", "use_stripe_sdk"])
    emulator.authenticate(started.id, "succeed")
    expect((await provider.authorizePayment({ data: { id: started.id } })).status).toBe("authorized")
  })

  it("reports a Stripe 500 as indeterminate with no intent id, even when the charge went through (B9)", async () => {
    const account_holder = await accountHolder()
    const pm = await savedCard(account_holder)
    emulator.fault({ method: "POST", path: "/v1/payment_intents", kind: "500", after_commit: true })
    const uncertain = await charge(account_holder, pm, "payses_500")
    expect(uncertain).toMatchObject({ id: "payses_500", status: "pending", data: { indeterminate_due_to: "stripe_api_error" } })
    await expect(provider.authorizePayment({ data: uncertain.data })).rejects.toThrow(/No payment intent ID/)
    const intents = [...emulator.state.store.objects.values()].filter((o: any) => o.object === "payment_intent")
    expect(intents.map((i: any) => [i.status, i.metadata.session_id])).toEqual([["requires_capture", "payses_500"]])
  })

  it("retries a dropped connection with the same idempotency key, so the charge is made once", async () => {
    const account_holder = await accountHolder()
    const pm = await savedCard(account_holder)
    // Two resets: stripe-node's own silent retry and Medusa's first retry both lose the answer.
    emulator.fault({ method: "POST", path: "/v1/payment_intents", kind: "reset", after_commit: true, times: 2 })
    const started = await charge(account_holder, pm, "payses_reset")
    expect(started.status).toBe("authorized")
    expect(emulator.requests({ path: "/v1/payment_intents" }).map((r) => [r.idempotency_key, r.replayed])).toEqual([
      ["payses_reset", false],
      ["payses_reset", true],
      ["payses_reset", true],
    ])
  }, 15_000)

  it("reads signed webhooks, and refuses one whose signature is not the endpoint's", async () => {
    const receiver = await webhookReceiver()
    emulator.configureWebhooks({ url: receiver.url, secret: "whsec_provider", delayMs: 0 })
    try {
      const account_holder = await accountHolder()
      const started = await charge(account_holder, await savedCard(account_holder), "payses_hook")
      await provider.capturePayment({ data: { id: started.id } })
      await until(() => receiver.deliveries.length === 3)
      const read = await Promise.all(receiver.deliveries.map((d) => provider.getWebhookActionAndData({ data: {}, rawData: d.raw, headers: d.headers })))
      expect(read).toEqual([
        { action: "pending", data: { session_id: "payses_hook", amount: 20 } },
        { action: "authorized", data: { session_id: "payses_hook", amount: 20 } },
        { action: "captured", data: { session_id: "payses_hook", amount: 20 } },
      ])
      const forged = emulator.signedEvent(receiver.deliveries[2].event.id, "whsec_someone_else")
      await expect(
        provider.getWebhookActionAndData({ data: {}, rawData: Buffer.from(forged.payload), headers: { "stripe-signature": forged.signature } })
      ).rejects.toThrow(/constructWebhookEvent/)
    } finally {
      emulator.configureWebhooks({ url: null, delayMs: null })
      await receiver.close()
    }
  })
})

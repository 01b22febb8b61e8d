import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { randomBytes } from "node:crypto"
import { signClientAddress } from "../../src/lib/client-address"
import { createAdminHeaders, createStoreHeaders } from "../helpers/auth"
import { useOutbox } from "../helpers/outbox"

jest.setTimeout(240_000)

useOutbox()
// Set before the app boots: the secret the storefront signs customers' addresses with.
const SECRET = randomBytes(32).toString("base64url")
process.env.PORTAL_CLIENT_IP_SECRET = SECRET
// No proxy is trusted here (other suites trust loopback to simulate their clients).
process.env.PORTAL_TRUSTED_PROXIES = ""

/**
 * M5: the backend learns a customer's address only from the storefront's
 * signed header (or configured proxies), never from a header a client sets;
 * IPv6 addresses are limited per /64.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: { headers: Record<string, string> }
    let businessId: string
    const ask = (n: number, headers: Record<string, string>) =>
      api
        .post("/store/portal/login-requests", { business_id: businessId, email: `someone-${n}@example.com` }, { headers: { ...store.headers, ...headers } })
        .catch((e: any) => e.response)
    const signed = (ip: string) => ({ "x-portal-client-ip": ip, "x-portal-client-signature": signClientAddress(SECRET, ip, Math.floor(Date.now() / 1000)) })

    beforeEach(async () => {
      const admin = await createAdminHeaders(getContainer())
      store = await createStoreHeaders(getContainer())
      businessId = (await api.get("/admin/customer-portal", admin)).data.customer_portal.business_id
    })

    it("does not move a client to a fresh bucket for a forged X-Forwarded-For or an unsigned address", async () => {
      // The sign-in form allows 10 requests at once per address.
      for (let n = 0; n < 10; n++) {
        const forged = { "x-forwarded-for": `203.0.113.${n + 1}`, "x-portal-client-ip": `198.51.100.${n + 1}` }
        expect((await ask(n, forged)).status).toBe(202)
      }
      const refused = await ask(10, { "x-forwarded-for": "192.0.2.77" })
      expect(refused.status).toBe(429)
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0)
      // A signature made with another secret is no better.
      const wrong = { "x-portal-client-ip": "192.0.2.78", "x-portal-client-signature": signClientAddress("x".repeat(40), "192.0.2.78", Math.floor(Date.now() / 1000)) }
      expect((await ask(11, wrong)).status).toBe(429)
      // The storefront's signed address is another customer: their own bucket.
      expect((await ask(12, signed("192.0.2.79"))).status).toBe(202)
    })

    it("limits IPv6 customers per /64, so one network cannot rotate through its addresses", async () => {
      for (let n = 0; n < 10; n++) {
        expect((await ask(n, signed(`2001:db8:1:2::${(n + 1).toString(16)}`))).status).toBe(202)
      }
      expect((await ask(10, signed("2001:db8:1:2:ffff:ffff:ffff:ffff"))).status).toBe(429)
      expect((await ask(11, signed("2001:db8:1:3::1"))).status).toBe(202)
    })
  },
})

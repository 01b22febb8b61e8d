import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { clock } from "../../src/lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../src/modules/customer-portal"
import type CustomerPortalModuleService from "../../src/modules/customer-portal/service"
import { createAdminHeaders, createStoreHeaders, portalSession } from "../helpers/auth"
import { clearOutbox, linkIn, tokenOf, useOutbox, waitForEmails } from "../helpers/outbox"
import { waitFor } from "../helpers/wait"

jest.setTimeout(180_000)

const outbox = useOutbox()
const BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    let layla: { id: string; email: string }
    let omar: { id: string; email: string }
    const call = (p: Promise<any>) => p.catch((e: any) => e.response)
    const from = (ip: string, token?: string) => ({
      headers: { ...store.headers, "x-forwarded-for": ip, "user-agent": BROWSER, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    })
    const activityOf = async (token: string) => (await api.get("/store/portal/activity", from("198.51.100.1", token))).data

    beforeEach(async () => {
      clearOutbox(outbox)
      const container = getContainer()
      admin = await createAdminHeaders(container)
      store = await createStoreHeaders(container)
      await api.get("/admin/customer-portal", admin)
      ;[layla, omar] = (await container.resolve(Modules.CUSTOMER).createCustomers([
        { email: "layla@example.com", first_name: "Layla", has_account: true },
        { email: "omar@example.com", first_name: "Omar", has_account: true },
      ])) as any
    })

    it("records who did what, when and from where; the customer sees their own, the merchant sees it on the customer", async () => {
      // The admin's "Share invite", then the customer signs in with it from a phone.
      const { link } = (await api.post(`/admin/customers/${layla.id}/portal-sessions`, {}, admin)).data.portal_session
      const { session_token } = (await api.post("/store/portal/sessions", { token: tokenOf(link) }, from("203.0.113.7"))).data
      await api.post("/store/portal/me", { phone: "+971 50 123 4567", first_name: "Layla" }, from("203.0.113.7", session_token))
      // Refused requests change nothing and record nothing.
      expect((await call(api.post("/store/portal/me", { phone: "050" }, from("203.0.113.7", session_token)))).status).toBe(400)

      const mine = await activityOf(session_token)
      expect(mine.count).toBe(3)
      expect(mine.activity.map((a: any) => a.action)).toEqual(["profile_updated", "signed_in", "link_issued"])
      const [profile, signIn, invite] = mine.activity
      expect(profile).toMatchObject({ by: "customer", ip: "203.0.113.7", device: BROWSER, details: { fields: ["first_name", "phone"] } })
      expect(signIn).toMatchObject({ by: "customer", ip: "203.0.113.7", device: BROWSER })
      expect(invite).toMatchObject({ by: "store", details: { emailed: false } })
      expect(invite.admin_user_id).toBeUndefined()
      expect(new Date(profile.at).getTime()).toBeGreaterThanOrEqual(new Date(signIn.at).getTime())

      // The merchant's view of the same customer names the admin user who acted.
      const merchant = (await api.get(`/admin/customers/${layla.id}/portal-activity`, admin)).data
      expect(merchant.activity.map((a: any) => a.action)).toEqual(["profile_updated", "signed_in", "link_issued"])
      expect(merchant.activity[2].admin_user_id).toMatch(/^user_/)
      expect((await call(api.get(`/admin/customers/cus_unknown/portal-activity`, admin))).status).toBe(404)
      expect((await call(api.get(`/admin/customers/${layla.id}/portal-activity?limit=0`, admin))).status).toBe(400)

      // Another customer sees only their own.
      const omarToken = await portalSession(api, admin, store, omar.id)
      const theirs = await activityOf(omarToken)
      expect(theirs.activity.map((a: any) => a.action)).toEqual(["signed_in", "link_issued"])
      expect(JSON.stringify(theirs)).not.toContain("203.0.113.7")
      expect((await call(api.get("/store/portal/activity?customer_id=" + layla.id, from("198.51.100.1", omarToken)))).status).toBe(400)
      expect((await call(api.get("/store/portal/activity?limit=51", from("198.51.100.1", omarToken)))).status).toBe(400)
    })

    it("records a link asked for on the login page with the requester's address", async () => {
      const { business_id } = (await api.get("/admin/customer-portal", admin)).data.customer_portal
      expect((await api.post("/store/portal/login-requests", { business_id, email: "layla@example.com" }, from("192.0.2.44"))).status).toBe(202)
      expect((await api.post("/store/portal/login-requests", { business_id, email: "nobody@example.com" }, from("192.0.2.45"))).status).toBe(202)
      const [email] = await waitForEmails(outbox, "layla@example.com")
      const service = getContainer().resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
      const [row] = await waitFor(
        () => service.listPortalActivities({ customer_id: layla.id, action: "link_issued" }),
        (rows) => rows.length === 1
      )
      expect(row).toMatchObject({ actor_type: "customer", ip: "192.0.2.44", user_agent: BROWSER, details: { requested_on: "login_page" } })
      // An unknown address leaves no trace anywhere.
      const [{ count }] = (await dbConnection.raw("SELECT count(*)::int AS count FROM portal_activity WHERE ip = '192.0.2.45'")).rows
      expect(count).toBe(0)
      expect(linkIn(email)).toContain("/portal/access#t=")
    })

    it("signs out everywhere: every session and unused link of the customer stops working, others' do not", async () => {
      const phone = await portalSession(api, admin, store, layla.id)
      const laptop = await portalSession(api, admin, store, layla.id)
      const unused = (await api.post(`/admin/customers/${layla.id}/portal-sessions`, {}, admin)).data.portal_session.link
      const omarToken = await portalSession(api, admin, store, omar.id)
      jest.spyOn(clock, "now").mockImplementation(() => new Date())

      const res = await api.delete("/store/portal/sessions", from("203.0.113.9", phone))
      expect(res.data).toEqual({ object: "portal_session", deleted: true, sessions: 2 })
      for (const token of [phone, laptop]) {
        expect((await call(api.get("/store/portal/me", from("203.0.113.9", token)))).status).toBe(401)
      }
      expect((await call(api.post("/store/portal/sessions", { token: tokenOf(unused) }, from("203.0.113.10")))).status).toBe(404)
      expect((await api.get("/store/portal/me", from("203.0.113.9", omarToken))).status).toBe(200)

      const merchant = (await api.get(`/admin/customers/${layla.id}/portal-activity`, admin)).data
      expect(merchant.activity[0]).toMatchObject({ action: "signed_out_everywhere", by: "customer", ip: "203.0.113.9", details: { sessions: 2 } })
      jest.restoreAllMocks()
    })
  },
})

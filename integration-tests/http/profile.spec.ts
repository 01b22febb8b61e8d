import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import { createAdminHeaders, createStoreHeaders, emailedPortalSession, portalSession } from "../helpers/auth"
import { clearOutbox, readOutbox, useOutbox, waitForEmails } from "../helpers/outbox"

jest.setTimeout(240_000)

const outbox = useOutbox()
const PASSWORD = "correct horse battery staple"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    let customerId: string
    let token: string
    const headers = () => ({ headers: { ...store.headers, authorization: `Bearer ${token}` } })
    const me = () => api.get("/store/portal/me", headers()).then((r: any) => r.data)
    const update = (body: unknown) => api.post("/store/portal/me", body, headers()).catch((e: any) => e.response)
    const changeEmail = (email: string) => api.post("/store/portal/me/email-change", { email }, headers()).catch((e: any) => e.response)
    const confirm = (t: string) => api.post("/store/portal/email-changes", { token: t }, store).catch((e: any) => e.response)
    const stored = async () => (await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(customerId))
    const verificationToken = (text: string) => text.match(/\/portal\/verify-email#t=([A-Za-z0-9_-]{43})/)![1]

    /** A customer with a password, as a storefront sign-up makes them. */
    const register = async (email: string) => {
      const container = getContainer()
      const { authIdentity } = await container.resolve(Modules.AUTH).register("emailpass", { body: { email, password: PASSWORD } } as any)
      const { result } = await createCustomerAccountWorkflow(container).run({
        input: { authIdentityId: authIdentity!.id, customerData: { email, first_name: "Layla", last_name: "Haddad" } },
      })
      return result.id
    }

    /**
     * A session signed in by a link emailed to the customer just now: a fresh proof of the current
     * address, so an email change goes straight to the new address (identity.spec.ts tries the rest).
     */
    const signInByEmail = async () => {
      token = await emailedPortalSession(api, admin, store, customerId, outbox)
      clearOutbox(outbox)
    }

    beforeEach(async () => {
      clearOutbox(outbox)
      const container = getContainer()
      admin = await createAdminHeaders(container)
      store = await createStoreHeaders(container)
      customerId = await register("layla@example.com")
      token = await portalSession(api, admin, store, customerId)
    })

    it("shows the profile and whether it can be edited", async () => {
      expect(await me()).toMatchObject({
        customer: { first_name: "Layla", last_name: "Haddad", email: "layla@example.com", phone: null },
        profile: { can_edit: true, pending_email_change: null },
      })
    })

    it("updates the name and the phone number, stored in E.164, through Medusa's customer workflow", async () => {
      const res = await update({ first_name: "  Layla ", last_name: "Haddad-Saleh", phone: "+44 (20) 7946-0958" })
      expect(res.status).toBe(200)
      expect(res.data.customer).toMatchObject({ first_name: "Layla", last_name: "Haddad-Saleh", phone: "+442079460958" })
      expect(await stored()).toMatchObject({ first_name: "Layla", last_name: "Haddad-Saleh", phone: "+442079460958" })
      expect((await update({ phone: "0044 20 7946 0958" })).data.customer.phone).toBe("+442079460958")
      expect((await update({ phone: "" })).data.customer.phone).toBeNull()
      expect((await stored()).phone).toBeNull()
    })

    it.each([
      [{ phone: "020 7946 0958" }, /country code/],
      [{ phone: "+44 abc" }, /country code/],
      [{ first_name: "x".repeat(101) }, /first_name.*100/],
      [{ first_name: "<script>" }, /not allowed/],
      [{ email: "new@example.com" }, /email/],
      [{ metadata: { vip: true } }, /metadata/],
      [{ has_account: false }, /has_account/],
      [{ id: "cus_other", first_name: "Eve" }, /id/],
      [{ company_name: "Acme" }, /company_name/],
    ])("refuses %j with a 400 and changes nothing", async (body, message) => {
      const before = await stored()
      const res = await update(body)
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(message)
      const after = await stored()
      expect(after).toMatchObject({ first_name: before.first_name, last_name: before.last_name, phone: before.phone, email: before.email, has_account: true })
    })

    it("follows the store's setting: no editing when it is off", async () => {
      await api.post("/admin/customer-portal", { allow_profile_edit: false }, admin)
      expect((await me()).profile.can_edit).toBe(false)
      const res = await update({ first_name: "Eve" })
      expect(res.status).toBe(400)
      expect(res.data.message).toBe("Your profile cannot be changed from this portal. Contact the store to change it.")
      expect(res.data.code).toBe("profile_edit_not_allowed")
      const email = await changeEmail("new@example.com")
      expect(email.status).toBe(400)
      expect(email.data.code).toBe("profile_edit_not_allowed")
      expect((await stored()).first_name).toBe("Layla")
    })

    it("changes the email only when the link sent to the new address is used; the old address is told; the password moves with it", async () => {
      await signInByEmail()
      const res = await changeEmail("Layla.New@Example.com")
      expect(res.status).toBe(202)
      expect(res.data.email_change).toMatchObject({ email: "layla.new@example.com", awaiting: "new_address" })
      expect((await stored()).email).toBe("layla@example.com")
      expect((await me()).profile.pending_email_change).toMatchObject({ email: "layla.new@example.com", awaiting: "new_address" })

      const [verify] = await waitForEmails(outbox, "layla.new@example.com")
      expect(verify.template).toBe("email-change-verify")
      const [notice] = await waitForEmails(outbox, "layla@example.com")
      expect(notice.template).toBe("email-change-requested")
      expect(notice.text).toContain("layla.new@example.com")
      expect(notice.text).not.toMatch(/verify-email/)

      const t = verificationToken(verify.text)
      const done = await confirm(t)
      expect(done.status).toBe(200)
      expect(done.data).toEqual({ status: "changed", email: "layla.new@example.com" })
      expect((await stored()).email).toBe("layla.new@example.com")
      expect((await me()).profile.pending_email_change).toBeNull()
      // Used once.
      expect((await confirm(t)).status).toBe(404)
      // The password now goes with the new address, not the old one.
      const login = (email: string) => api.post("/auth/customer/emailpass", { email, password: PASSWORD }).catch((e: any) => e.response)
      expect((await login("layla.new@example.com")).status).toBe(200)
      expect((await login("layla@example.com")).status).toBe(401)
    })

    it("an address another account uses: the same answer and pending change, a note to that address, and no link that could take it", async () => {
      await signInByEmail()
      await register("other@example.com")
      const taken = await changeEmail("other@example.com")
      const free = await changeEmail("free@example.com")
      for (const res of [taken, free]) {
        expect(res.status).toBe(202)
        expect(Object.keys(res.data.email_change).sort()).toEqual(["awaiting", "email", "expires_at"])
        expect(res.data.email_change.awaiting).toBe("new_address")
      }
      const [note] = await waitForEmails(outbox, "other@example.com")
      expect(note.template).toBe("email-change-unavailable")
      expect(note.text).not.toMatch(/verify-email/)
      await changeEmail("other@example.com")
      expect((await me()).profile.pending_email_change).toMatchObject({ email: "other@example.com", awaiting: "new_address" })
      expect((await stored()).email).toBe("layla@example.com")
    })

    it("a cancelled change's link no longer works; a newer request replaces an older one", async () => {
      await signInByEmail()
      await changeEmail("first@example.com")
      await changeEmail("second@example.com")
      const first = verificationToken((await waitForEmails(outbox, "first@example.com"))[0].text)
      const second = verificationToken((await waitForEmails(outbox, "second@example.com"))[0].text)
      expect((await confirm(first)).status).toBe(404)
      expect((await api.delete("/store/portal/me/email-change", headers())).data).toEqual({ cancelled: true })
      expect((await confirm(second)).status).toBe(404)
      expect((await stored()).email).toBe("layla@example.com")
    })

    it("refuses the same address, a malformed one, a bad link; and too many requests", async () => {
      expect((await changeEmail("LAYLA@example.com")).data.message).toBe("This is already your email address.")
      expect((await changeEmail("not an email")).status).toBe(400)
      expect((await confirm("short")).status).toBe(400)
      const unknown = await confirm("A".repeat(43))
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toBe("This link is invalid or has expired. Ask for a new one from your profile.")
      const statuses: number[] = []
      for (let i = 0; i < 5; i++) statuses.push((await changeEmail(`n${i}@example.com`)).status)
      expect(statuses).toContain(429)
      expect(readOutbox(outbox).filter((e) => e.template === "email-change-verify").length).toBeLessThan(5)
    })

    it("needs a session to see or change the profile", async () => {
      expect((await api.post("/store/portal/me", { first_name: "Eve" }, store).catch((e: any) => e.response)).status).toBe(401)
      expect((await api.post("/store/portal/me/email-change", { email: "x@example.com" }, store).catch((e: any) => e.response)).status).toBe(401)
    })
  },
})

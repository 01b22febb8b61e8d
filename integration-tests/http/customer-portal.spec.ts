import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders, createStoreHeaders } from "../helpers/auth"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }

    beforeEach(async () => {
      admin = await createAdminHeaders(getContainer())
      store = await createStoreHeaders(getContainer())
    })

    describe("GET /admin/customer-portal", () => {
      it("creates the portal on first use and shows the static links for test and live", async () => {
        const first = await api.get("/admin/customer-portal", admin)
        expect(first.status).toBe(200)
        const { customer_portal, static_links } = first.data
        expect(customer_portal).toMatchObject({ name: "Medusa Store", mode: "test" })
        expect(customer_portal.business_id).toMatch(/^bus_/)
        expect(static_links).toEqual({
          test: `http://localhost:8000/en/portal/login/${customer_portal.business_id}?mode=test`,
          live: `http://localhost:8000/en/portal/login/${customer_portal.business_id}`,
        })
        const second = await api.get("/admin/customer-portal", admin)
        expect(second.data.customer_portal.id).toBe(customer_portal.id)
      })

      it("builds links from the configured storefront URL, whatever Host the request claims", async () => {
        const { data } = await api.get("/admin/customer-portal", {
          headers: { ...admin.headers, host: "evil.example", "x-forwarded-host": "evil.example" },
        })
        expect(data.static_links.test).toMatch(/^http:\/\/localhost:8000\//)
        expect(JSON.stringify(data)).not.toContain("evil.example")
      })

      it("refuses a caller who is not signed in to the admin", async () => {
        const res = await api.get("/admin/customer-portal").catch((e: any) => e.response)
        expect(res.status).toBe(401)
      })
    })

    describe("POST /admin/customer-portal", () => {
      it("updates the settings and the public branding follows", async () => {
        const res = await api.post(
          "/admin/customer-portal",
          { name: "Northwind", support_email: "help@northwind.example", accent_color: "#1f6feb", mode: "live", allow_cancellation: false },
          admin
        )
        expect(res.status).toBe(200)
        expect(res.data.customer_portal).toMatchObject({ name: "Northwind", mode: "live", accent_color: "#1f6feb", allow_cancellation: false })
        expect(res.data.customer_portal).not.toHaveProperty("invoice_sequence")
        const { data } = await api.get(`/store/portal/businesses/${res.data.customer_portal.business_id}`, store)
        expect(data.business).toMatchObject({ name: "Northwind", mode: "live", support_email: "help@northwind.example" })
      })

      it.each([
        [{ accent_color: "red" }],
        [{ support_email: "not-an-email" }],
        [{ logo_url: "javascript:alert(1)" }],
        [{ name: "" }],
        [{ business_id: "bus_mine" }],
        [{ invoice_sequence: 0 }],
        [{ mode: "production" }],
      ])("refuses %p with a 400 and changes nothing", async (body) => {
        const before = (await api.get("/admin/customer-portal", admin)).data.customer_portal
        const res = await api.post("/admin/customer-portal", body, admin).catch((e: any) => e.response)
        expect(res.status).toBe(400)
        expect(typeof res.data.message).toBe("string")
        expect((await api.get("/admin/customer-portal", admin)).data.customer_portal).toEqual(before)
      })
    })

    describe("GET /store/portal/businesses/:business_id", () => {
      it("answers the business's public branding and mode", async () => {
        const { data: adminData } = await api.get("/admin/customer-portal", admin)
        const id = adminData.customer_portal.business_id
        const res = await api.get(`/store/portal/businesses/${id}`, store)
        expect(res.status).toBe(200)
        expect(res.data).toEqual({
          business: {
            business_id: id,
            name: "Medusa Store",
            logo_url: null,
            accent_color: null,
            mode: "test",
            support_email: null,
            return_url: null,
            default_locale: "en",
          },
        })
      })

      it.each(["bus_doesnotexist", "cport_123", "bus_%27%20OR%201%3D1--", "x".repeat(300)])(
        "answers 404 for an unknown business %s",
        async (id) => {
          await api.get("/admin/customer-portal", admin)
          const res = await api.get(`/store/portal/businesses/${id}`, store).catch((e: any) => e.response)
          expect(res.status).toBe(404)
          expect(res.data.message).toBe("No customer portal exists at this address.")
        }
      )

      it("needs a publishable API key like every store route", async () => {
        const res = await api.get("/store/portal/businesses/bus_x").catch((e: any) => e.response)
        expect(res.status).toBe(400)
      })
    })
  },
})

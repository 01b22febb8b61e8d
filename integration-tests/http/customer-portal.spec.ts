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
          test: `http://localhost:8000/en/portal/login/${customer_portal.business_id}`,
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

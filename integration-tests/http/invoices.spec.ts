import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { cancelOrderWorkflow, capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { placeOrder } from "../../scripts/fixtures/commerce"
import { CUSTOMER_PORTAL_MODULE } from "../../src/modules/customer-portal"
import type CustomerPortalModuleService from "../../src/modules/customer-portal/service"
import { syncOrderInvoiceWorkflow } from "../../src/workflows/sync-order-invoice"
import { createAdminHeaders, createStoreHeaders } from "../helpers/auth"
import { createDigitalCatalog } from "../helpers/catalog"

jest.setTimeout(180_000)

/** Subscribers run after the answer; wait until the invoice reaches the expected state. */
async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (ok(value)) return value
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(value)}`)
    await new Promise((r) => setTimeout(r, 150))
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let catalog: Awaited<ReturnType<typeof createDigitalCatalog>>
    let customer: { id: string; email: string }
    const service = () => getContainer().resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
    const invoicesOf = (orderId: string) => service().listInvoices({ order_id: orderId }, { relations: ["lines"] })
    const order = (options: { capture?: boolean; quantity?: number } = {}) =>
      placeOrder(getContainer(), {
        region_id: catalog.region.id,
        sales_channel_id: catalog.salesChannel.id,
        email: customer.email,
        customer_id: customer.id,
        items: [{ variant_id: catalog.variant.id, quantity: options.quantity ?? 1 }],
        capture: options.capture,
      })

    beforeEach(async () => {
      const container = getContainer()
      catalog = await createDigitalCatalog(container, 19.99)
      const [created] = await container.resolve(Modules.CUSTOMER).createCustomers([
        { email: "layla@example.com", first_name: "Layla", last_name: "Haddad", has_account: true },
      ])
      customer = { id: created.id, email: created.email }
    })

    it("issues an open invoice when an order is placed, with a snapshot in minor units", async () => {
      const { id } = await order({ capture: false, quantity: 3 })
      const [invoice] = await waitFor(() => invoicesOf(id), (list) => list.length === 1)
      expect(invoice).toMatchObject({
        number: "INV-000001",
        sequence: 1,
        status: "open",
        source_type: "order",
        source_id: id,
        customer_id: customer.id,
        customer_email: "layla@example.com",
        customer_name: "Layla Haddad",
        currency_code: "usd",
        paid_at: null,
      })
      expect([invoice.subtotal, invoice.discount_total, invoice.shipping_total, invoice.tax_total, invoice.total].map(Number)).toEqual([
        5997, 0, 0, 0, 5997,
      ])
      expect(invoice.lines).toHaveLength(1)
      expect(invoice.lines[0]).toMatchObject({ kind: "item", title: "Desktop app · 1 seat", quantity: 3, product_variant_id: catalog.variant.id })
      expect([invoice.lines[0].unit_price, invoice.lines[0].total].map(Number)).toEqual([1999, 5997])
    })

    it("marks the invoice paid when the payment is captured", async () => {
      const { id } = await order({ capture: false })
      await waitFor(() => invoicesOf(id), (list) => list.length === 1)
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [placed],
      } = await query.graph({ entity: "order", fields: ["payment_collections.payments.id"], filters: { id } })
      await capturePaymentWorkflow(getContainer()).run({ input: { payment_id: placed.payment_collections[0].payments[0].id } })
      const [invoice] = await waitFor(() => invoicesOf(id), (list) => list[0]?.status === "paid")
      expect(invoice.paid_at).not.toBeNull()
    })

    it("issues a paid invoice for an order captured at once", async () => {
      const { id } = await order()
      const [invoice] = await waitFor(() => invoicesOf(id), (list) => list[0]?.status === "paid")
      expect(invoice.number).toBe("INV-000001")
    })

    it("voids the invoice when the order is cancelled", async () => {
      const { id } = await order({ capture: false })
      await waitFor(() => invoicesOf(id), (list) => list.length === 1)
      await cancelOrderWorkflow(getContainer()).run({ input: { order_id: id } })
      const [invoice] = await waitFor(() => invoicesOf(id), (list) => list[0]?.status === "void")
      expect(invoice.voided_at).not.toBeNull()
    })

    it("never issues two invoices for one order, however often or concurrently its events arrive", async () => {
      const { id } = await order({ capture: false })
      await waitFor(() => invoicesOf(id), (list) => list.length === 1)
      await syncOrderInvoiceWorkflow(getContainer()).run({ input: { order_id: id } })
      await Promise.all(Array.from({ length: 10 }, () => syncOrderInvoiceWorkflow(getContainer()).run({ input: { order_id: id } })))
      expect(await invoicesOf(id)).toHaveLength(1)
      // The retries handed back every number they took: the next order's invoice follows on.
      const next = await order({ capture: false })
      const [invoice] = await waitFor(() => invoicesOf(next.id), (list) => list.length === 1)
      expect(invoice.number).toBe("INV-000002")
    })

    describe("billing history in the portal (P1)", () => {
      let token: string
      let store: { headers: Record<string, string> }
      let otherInvoiceId: string
      const portal = (path: string) =>
        api.get(path, { headers: { ...store.headers, authorization: `Bearer ${token}` } }).catch((e: any) => e.response)

      beforeEach(async () => {
        const container = getContainer()
        store = await createStoreHeaders(container)
        const admin = await createAdminHeaders(container)
        const [other] = await container.resolve(Modules.CUSTOMER).createCustomers([{ email: "other@example.com", has_account: true }])
        const paid = await order({ quantity: 1 })
        const open = await order({ capture: false, quantity: 2 })
        const theirs = await placeOrder(container, {
          region_id: catalog.region.id,
          sales_channel_id: catalog.salesChannel.id,
          email: other.email,
          customer_id: other.id,
          items: [{ variant_id: catalog.variant.id, quantity: 5 }],
        })
        await waitFor(() => invoicesOf(paid.id), (l) => l[0]?.status === "paid")
        await waitFor(() => invoicesOf(open.id), (l) => l.length === 1)
        otherInvoiceId = (await waitFor(() => invoicesOf(theirs.id), (l) => l.length === 1))[0].id
        const { link } = (await api.post(`/admin/customers/${customer.id}/portal-sessions`, {}, admin)).data.portal_session
        token = (await api.post("/store/portal/sessions", { token: link.split("/").pop() }, store)).data.session_token
      })

      it("lists the customer's invoices newest first, and no one else's", async () => {
        const { data } = await portal("/store/portal/invoices")
        expect(data.count).toBe(2)
        expect(data.invoices.map((i: any) => [i.status, i.total])).toEqual([
          ["open", 3998],
          ["paid", 1999],
        ])
        expect(data.invoices[0]).toMatchObject({ currency_code: "usd", summary: "Desktop app · 1 seat", source_type: "order" })
        expect(JSON.stringify(data)).not.toMatch(/cus_|order_|cport_/)
      })

      it("filters by status and date, and pages", async () => {
        expect((await portal("/store/portal/invoices?status=paid")).data.invoices.map((i: any) => i.total)).toEqual([1999])
        expect((await portal("/store/portal/invoices?to=2000-01-01")).data.count).toBe(0)
        expect((await portal("/store/portal/invoices?from=2000-01-01")).data.count).toBe(2)
        const page = (await portal("/store/portal/invoices?limit=1&offset=1")).data
        expect(page).toMatchObject({ count: 2, limit: 1, offset: 1 })
        expect(page.invoices).toHaveLength(1)
      })

      it("shows an invoice's detail with its lines", async () => {
        const [first] = (await portal("/store/portal/invoices?status=paid")).data.invoices
        const { data } = await portal(`/store/portal/invoices/${first.id}`)
        expect(data.invoice).toMatchObject({ number: first.number, status: "paid", customer_email: "layla@example.com" })
        expect(data.invoice.lines).toEqual([
          expect.objectContaining({ kind: "item", title: "Desktop app · 1 seat", quantity: 1, unit_price: 1999, total: 1999 }),
        ])
      })

      it("answers 404 for another customer's invoice and for one that does not exist", async () => {
        for (const id of [otherInvoiceId, "inv_missing", "' OR 1=1 --"]) {
          const res = await portal(`/store/portal/invoices/${encodeURIComponent(id)}`)
          expect(res.status).toBe(404)
          expect(res.data.message).toBe("There is no such invoice in your account.")
        }
      })

      it.each(["status=draft", "from=yesterday", "limit=500", "customer_id=cus_x"])("refuses ?%s with a 400", async (q) => {
        expect((await portal(`/store/portal/invoices?${q}`)).status).toBe(400)
      })

      it("exports the billing history as CSV, the customer's invoices only", async () => {
        const res = await portal("/store/portal/exports/invoices")
        expect(res.status).toBe(200)
        expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8")
        expect(res.headers["content-disposition"]).toBe('attachment; filename="billing-history.csv"')
        const rows = String(res.data).replace(/^\ufeff/, "").trim().split("\r\n")
        expect(rows[0]).toBe("Invoice number,Issued,Status,Description,Currency,Subtotal,Discount,Shipping,Tax,Total,Paid")
        expect(rows).toHaveLength(3)
        expect(rows[1]).toMatch(/^INV-\d{6},\d{4}-\d{2}-\d{2},open,2 × Desktop app · 1 seat,USD,39.98,0.00,0.00,0.00,39.98,$/)
        expect(rows[2]).toMatch(/,paid,1 × Desktop app · 1 seat,USD,19.99,0.00,0.00,0.00,19.99,\d{4}-\d{2}-\d{2}$/)
        const paidOnly = await portal("/store/portal/exports/invoices?status=paid")
        expect(String(paidOnly.data).trim().split("\r\n")).toHaveLength(2)
        expect((await portal("/store/portal/exports/invoices?status=nope")).status).toBe(400)
      })

      it("needs a session", async () => {
        const res = await api.get("/store/portal/invoices", store).catch((e: any) => e.response)
        expect(res.status).toBe(401)
      })
    })

    it("gives 50 invoices issued at once 50 distinct consecutive numbers", async () => {
      const portal = await service().ensurePortal({ name: "Store" })
      const issued = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          service().issueInvoice({
            portal_id: portal.id,
            mode: "test",
            customer_id: customer.id,
            source_type: "renewal",
            source_id: `sub_1:${i}`,
            currency_code: "usd",
            issued_at: new Date(),
            customer_email: customer.email,
            subtotal: 1000,
            discount_total: 0,
            shipping_total: 0,
            tax_total: 0,
            total: 1000,
            lines: [{ title: "Pro", quantity: 1, unit_price: 1000, subtotal: 1000, discount_total: 0, tax_total: 0, total: 1000 }],
          })
        )
      )
      // What issuing answers is the invoice as stored, database defaults included.
      expect(issued.every((r) => r.created && r.invoice.status === "open")).toBe(true)
      const numbers = issued.map((r) => r.invoice.number).sort()
      expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `INV-${String(i + 1).padStart(6, "0")}`))
    })
  },
})

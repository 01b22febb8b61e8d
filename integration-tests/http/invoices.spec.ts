import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { execFileSync } from "node:child_process"
import { unzipSync } from "fflate"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { cancelOrderWorkflow, capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { placeOrder } from "../../scripts/fixtures/commerce"
import { clock } from "../../src/lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../src/modules/customer-portal"
import type CustomerPortalModuleService from "../../src/modules/customer-portal/service"
import { syncOrderInvoiceWorkflow } from "../../src/workflows/sync-order-invoice"
import { createAdminHeaders, createStoreHeaders, emailedPortalSession, portalSession } from "../helpers/auth"
import { useOutbox } from "../helpers/outbox"
import { createDigitalCatalog } from "../helpers/catalog"
import { waitFor } from "../helpers/wait"

const outbox = useOutbox()

jest.setTimeout(180_000)

/** The text of a PDF as `pdftotext` reads it, each line as laid out on the page (without the embedding marks it adds around right-to-left runs). */
const pdfText = (pdf: Buffer) =>
  execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", "-", "-"], { input: pdf })
    .toString("utf8")
    .replace(/[\u202A-\u202E]/g, "")

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
      let admin: { headers: Record<string, string> }
      let otherInvoiceId: string
      const portal = (path: string, options: { binary?: boolean } = {}) =>
        api
          .get(path, {
            headers: { ...store.headers, authorization: `Bearer ${token}` },
            ...(options.binary ? { responseType: "arraybuffer" as const } : {}),
          })
          .catch((e: any) => e.response)
      const errorOf = (res: any) => JSON.parse(Buffer.from(res.data).toString("utf8"))

      beforeEach(async () => {
        const container = getContainer()
        store = await createStoreHeaders(container)
        admin = await createAdminHeaders(container)
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
        token = await portalSession(api, admin, store, customer.id)
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

      it("shows a purchase made meanwhile as a guest with the same email at once, not a minute later", async () => {
        // A session that proved the address by its mailbox sees every record of it.
        token = await emailedPortalSession(api, admin, store, customer.id, outbox)
        expect((await portal("/store/portal/invoices")).data.count).toBe(2)
        // A guest checkout with the address in capitals: a new guest record (made as checkout makes it, with no event of its own) and its order.
        const [record] = await getContainer().resolve(Modules.CUSTOMER).createCustomers([{ email: customer.email.toUpperCase(), has_account: false }])
        const guest = await placeOrder(getContainer(), {
          region_id: catalog.region.id,
          sales_channel_id: catalog.salesChannel.id,
          email: record.email,
          customer_id: record.id,
          items: [{ variant_id: catalog.variant.id, quantity: 3 }],
        })
        await waitFor(() => invoicesOf(guest.id), (l) => l.length === 1)
        const listed = await waitFor<any>(() => portal("/store/portal/invoices"), (res) => res.data.count === 3, 5_000)
        expect(listed.data.invoices[0].total).toBe(5997)
      })

      it("sees a record that appeared without any event within a minute: the session's records are worked out again", async () => {
        token = await emailedPortalSession(api, admin, store, customer.id, outbox)
        expect((await portal("/store/portal/invoices")).data.count).toBe(2)
        const [record] = await getContainer().resolve(Modules.CUSTOMER).createCustomers([{ email: customer.email.toUpperCase(), has_account: false }])
        const [template] = await service().listInvoices({ customer_id: customer.id }, { take: 1, relations: ["lines"] })
        const { id: _id, created_at: _c, updated_at: _u, deleted_at: _d, raw_subtotal, raw_discount_total, raw_shipping_total, raw_tax_total, raw_total, lines, ...copy } = template as any
        await service().createInvoices({
          ...copy,
          customer_id: record.id,
          order_id: null,
          number: "INV-IMPORTED-1",
          sequence: 9_999,
          source_id: "imported-1",
          lines: lines.map(({ id, invoice_id, invoice, created_at, updated_at, deleted_at, ...line }: any) => line),
        })
        // Remembered for a minute: the new record is not seen yet...
        expect((await portal("/store/portal/invoices")).data.count).toBe(2)
        // ...and is once the minute has passed.
        const later = jest.spyOn(clock, "now").mockImplementation(() => new Date(Date.now() + 61_000))
        try {
          expect((await portal("/store/portal/invoices")).data.count).toBe(3)
        } finally {
          later.mockRestore()
        }
      })

      it("filters by status and date, and pages", async () => {
        expect((await portal("/store/portal/invoices?status=paid")).data.invoices.map((i: any) => i.total)).toEqual([1999])
        expect((await portal("/store/portal/invoices?to=2000-01-01")).data.count).toBe(0)
        expect((await portal("/store/portal/invoices?from=2000-01-01")).data.count).toBe(2)
        // A bare day is the whole day: invoices issued today are in a range that ends today.
        const today = new Date().toISOString().slice(0, 10)
        expect((await portal(`/store/portal/invoices?from=${today}&to=${today}`)).data.count).toBe(2)
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

      it("downloads an invoice as a PDF in English: number, lines and total", async () => {
        const [paid] = (await portal("/store/portal/invoices?status=paid")).data.invoices
        const res = await portal(`/store/portal/invoices/${paid.id}/pdf`, { binary: true })
        expect(res.status).toBe(200)
        expect(res.headers["content-type"]).toBe("application/pdf")
        expect(res.headers["content-disposition"]).toBe(`attachment; filename="${paid.number}.pdf"`)
        expect(res.headers["cache-control"]).toBe("private, no-store")
        const pdf = Buffer.from(res.data)
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-")
        const text = pdfText(pdf)
        for (const expected of ["Invoice", paid.number, "Desktop app · 1 seat", "Total", "$19.99", "Paid", "Bill to", "layla@example.com", "Layla Haddad"]) {
          expect(text).toContain(expected)
        }
      })

      it("downloads an invoice as a PDF in Arabic, laid out right to left", async () => {
        const [open] = (await portal("/store/portal/invoices?status=open")).data.invoices
        const res = await portal(`/store/portal/invoices/${open.id}/pdf?locale=ar`, { binary: true })
        expect(res.status).toBe(200)
        const text = pdfText(Buffer.from(res.data))
        for (const expected of ["فاتورة", "رقم الفاتورة", "المجموع الفرعي", "مستحقة", "سعر الوحدة", open.number, "Desktop app · 1 seat", "US$ 39.98"]) {
          expect(text).toContain(expected)
        }
        // Right to left: each label comes after its value on the line, as pdftotext reads a page left to right.
        expect(text).toMatch(new RegExp(`${open.number}\\s+رقم الفاتورة`))
      })

      it("answers 404 for the PDF of another customer's invoice or a missing one", async () => {
        for (const id of [otherInvoiceId, "inv_missing"]) {
          const res = await portal(`/store/portal/invoices/${id}/pdf`, { binary: true })
          expect(res.status).toBe(404)
          expect(errorOf(res).message).toBe("There is no such invoice in your account.")
        }
      })

      it("falls back to the store's language for one the portal does not speak, and refuses unknown parameters", async () => {
        const [first] = (await portal("/store/portal/invoices")).data.invoices
        const french = await portal(`/store/portal/invoices/${first.id}/pdf?locale=fr-FR`, { binary: true })
        expect(french.status).toBe(200)
        expect(pdfText(Buffer.from(french.data))).toContain("Invoice number")
        const bad = await portal(`/store/portal/invoices/${first.id}/pdf?customer_id=cus_1`, { binary: true })
        expect(bad.status).toBe(400)
        expect(errorOf(bad).message).toMatch(/customer_id/)
      })

      it("downloads every invoice of a date range as a ZIP of PDFs, the customer's own only", async () => {
        const today = new Date().toISOString().slice(0, 10)
        const res = await portal(`/store/portal/exports/invoice-pdfs?from=${today}&to=${today}`, { binary: true })
        expect(res.status).toBe(200)
        expect(res.headers["content-type"]).toBe("application/zip")
        expect(res.headers["content-disposition"]).toBe(`attachment; filename="invoices_${today}_to_${today}.zip"`)
        expect(res.headers["cache-control"]).toBe("private, no-store")
        const files = unzipSync(new Uint8Array(res.data))
        const numbers = (await portal("/store/portal/invoices")).data.invoices.map((i: any) => `${i.number}.pdf`)
        expect(Object.keys(files).sort()).toEqual(numbers.sort())
        for (const [name, bytes] of Object.entries(files)) {
          const text = pdfText(Buffer.from(bytes))
          expect(text).toContain(name.replace(/\.pdf$/, ""))
          expect(text).toContain("Desktop app · 1 seat")
        }
        const paidOnly = unzipSync(new Uint8Array((await portal("/store/portal/exports/invoice-pdfs?status=paid", { binary: true })).data))
        expect(Object.keys(paidOnly)).toHaveLength(1)
      })

      it("says plainly when a range has no invoices or too many for one download", async () => {
        const empty = await portal("/store/portal/exports/invoice-pdfs?to=2000-01-01", { binary: true })
        expect(empty.status).toBe(404)
        expect(errorOf(empty).message).toBe("There are no invoices in this date range. Choose another range and try again.")
        const portalId = (await service().listInvoices({ customer_id: customer.id }, { take: 1 }))[0].portal_id
        await service().createInvoices(
          Array.from({ length: 501 }, (_, i) => ({
            portal_id: portalId,
            mode: "test" as const,
            number: `OLD-${i}`,
            sequence: 10_000 + i,
            customer_id: customer.id,
            source_type: "renewal" as const,
            source_id: `old:${i}`,
            currency_code: "usd",
            subtotal: 100,
            discount_total: 0,
            shipping_total: 0,
            tax_total: 0,
            total: 100,
            issued_at: new Date("2020-01-01T00:00:00Z"),
            customer_email: customer.email,
          }))
        )
        const tooMany = await portal("/store/portal/exports/invoice-pdfs", { binary: true })
        expect(tooMany.status).toBe(400)
        expect(errorOf(tooMany).message).toBe(
          "This range holds 503 invoices; one download holds up to 500. Choose a shorter date range and try again."
        )
        expect((await portal("/store/portal/exports/invoice-pdfs?from=2021-01-01", { binary: true })).status).toBe(200)
      })

      it("limits how often a customer downloads archives", async () => {
        for (let i = 0; i < 5; i++) {
          expect((await portal("/store/portal/exports/invoice-pdfs", { binary: true })).status).toBe(200)
        }
        const refused = await portal("/store/portal/exports/invoice-pdfs", { binary: true })
        expect(refused.status).toBe(429)
        expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0)
        // Single PDFs are not held back by it.
        const [first] = (await portal("/store/portal/invoices")).data.invoices
        expect((await portal(`/store/portal/invoices/${first.id}/pdf`, { binary: true })).status).toBe(200)
      })

      it("limits a customer's PDF downloads and CSV exports together, with Retry-After", async () => {
        const [first] = (await portal("/store/portal/invoices")).data.invoices
        // 600 an hour (`downloadsPerHour`) in bursts of 60, PDFs and exports from one allowance.
        const statuses: number[] = []
        for (let i = 0; i < 30; i++) statuses.push((await portal(`/store/portal/invoices/${first.id}/pdf`, { binary: true })).status)
        for (let i = 0; i < 30; i++) statuses.push((await portal("/store/portal/exports/invoices")).status)
        expect(statuses.every((s) => s === 200)).toBe(true)
        // The allowance refills by one every six seconds while the loop runs: the next few may still pass.
        let refused: any = null
        for (let i = 0; i < 15 && !refused; i++) {
          const res = await portal(`/store/portal/invoices/${first.id}/pdf`, { binary: true })
          if (res.status !== 200) refused = res
        }
        expect(refused?.status).toBe(429)
        expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0)
        expect((await portal("/store/portal/exports/invoices")).status).toBe(429)
        // Reading the history is not held back by it.
        expect((await portal("/store/portal/invoices")).status).toBe(200)
      })

      it("needs a session", async () => {
        const res = await api.get("/store/portal/invoices", store).catch((e: any) => e.response)
        expect(res.status).toBe(401)
      })
    })

    describe("invoices in the admin", () => {
      let admin: { headers: Record<string, string> }
      let orders: { paid: string; open: string; theirs: string }
      let other: { id: string }
      const get = (path: string, options: { binary?: boolean } = {}) =>
        api.get(path, { ...admin, ...(options.binary ? { responseType: "arraybuffer" as const } : {}) }).catch((e: any) => e.response)

      beforeEach(async () => {
        const container = getContainer()
        admin = await createAdminHeaders(container)
        ;[other] = await container.resolve(Modules.CUSTOMER).createCustomers([{ email: "other@example.com", has_account: true }])
        const paid = await order()
        const open = await order({ capture: false, quantity: 2 })
        const theirs = await placeOrder(container, {
          region_id: catalog.region.id,
          sales_channel_id: catalog.salesChannel.id,
          email: "other@example.com",
          customer_id: other.id,
          items: [{ variant_id: catalog.variant.id, quantity: 5 }],
        })
        orders = { paid: paid.id, open: open.id, theirs: theirs.id }
        await waitFor(() => invoicesOf(paid.id), (l) => l[0]?.status === "paid")
        await waitFor(() => invoicesOf(open.id), (l) => l.length === 1)
        await waitFor(() => invoicesOf(theirs.id), (l) => l[0]?.status === "paid")
      })

      it("lists every invoice newest first, filtered by status, customer, order, number or email and date", async () => {
        const all = (await get("/admin/customer-portal/invoices")).data
        expect(all.count).toBe(3)
        expect(all.invoices.map((i: any) => i.order_id)).toEqual([orders.theirs, orders.open, orders.paid])
        expect(all.invoices[0]).toMatchObject({ customer_id: other.id, customer_email: "other@example.com", total: 9995, status: "paid", mode: "test" })
        const ids = async (q: string) => (await get(`/admin/customer-portal/invoices?${q}`)).data.invoices.map((i: any) => i.order_id)
        expect(await ids("status=open")).toEqual([orders.open])
        expect(await ids(`customer_id=${customer.id}`)).toEqual([orders.open, orders.paid])
        expect(await ids(`order_id=${orders.paid}`)).toEqual([orders.paid])
        expect(await ids("q=other@")).toEqual([orders.theirs])
        expect(await ids(`q=${all.invoices[2].number}`)).toEqual([orders.paid])
        expect(await ids("to=2000-01-01")).toEqual([])
        const page = (await get("/admin/customer-portal/invoices?limit=2&offset=2")).data
        expect(page).toMatchObject({ count: 3, limit: 2, offset: 2 })
        expect(page.invoices.map((i: any) => i.order_id)).toEqual([orders.paid])
      })

      it("shows an invoice with its lines and serves its PDF", async () => {
        const [invoice] = (await get(`/admin/customer-portal/invoices?order_id=${orders.open}`)).data.invoices
        const detail = (await get(`/admin/customer-portal/invoices/${invoice.id}`)).data.invoice
        expect(detail.lines).toEqual([expect.objectContaining({ title: "Desktop app · 1 seat", quantity: 2, total: 3998 })])
        const pdf = await get(`/admin/customer-portal/invoices/${invoice.id}/pdf?locale=ar`, { binary: true })
        expect(pdf.status).toBe(200)
        expect(pdf.headers["content-type"]).toBe("application/pdf")
        expect(pdf.headers["content-disposition"]).toBe(`attachment; filename="${invoice.number}.pdf"`)
        expect(pdfText(Buffer.from(pdf.data))).toContain("US$ 39.98")
        expect((await get("/admin/customer-portal/invoices/inv_missing")).status).toBe(404)
        expect((await get("/admin/customer-portal/invoices/inv_missing/pdf", { binary: true })).status).toBe(404)
      })

      it("prints the seller's address from the settings on the PDF", async () => {
        const saved = await api.post(
          "/admin/customer-portal",
          { name: "Northwind Studio", support_email: "help@northwind.example", business_address: { address_1: "221 Market Street", city: "San Francisco", postal_code: "94105", country_code: "US", tax_id: "US-123" } },
          admin
        )
        expect(saved.data.customer_portal.business_address).toMatchObject({ address_1: "221 Market Street", country_code: "us" })
        const [invoice] = (await get(`/admin/customer-portal/invoices?order_id=${orders.paid}`)).data.invoices
        const text = pdfText(Buffer.from((await get(`/admin/customer-portal/invoices/${invoice.id}/pdf`, { binary: true })).data))
        for (const expected of ["Northwind Studio", "221 Market Street", "94105 San Francisco", "United States", "Tax ID: US-123", "help@northwind.example"]) {
          expect(text).toContain(expected)
        }
        const bad = await api.post("/admin/customer-portal", { business_address: { country_code: "USA" } }, admin).catch((e: any) => e.response)
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/two-letter country code/)
      })

      it.each(["status=draft", "limit=1000", "from=soon", "unknown=1"])("refuses ?%s with a 400", async (q) => {
        expect((await get(`/admin/customer-portal/invoices?${q}`)).status).toBe(400)
      })

      it("is for signed-in admins only", async () => {
        const res = await api.get("/admin/customer-portal/invoices").catch((e: any) => e.response)
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

import { execFileSync } from "node:child_process"
import { invoiceLogo } from "../logo"
import { png, startLogoServer, type LogoServer } from "./logo-server"
import { renderInvoicePdf, type InvoicePdfInput } from "../render"

const invoice: InvoicePdfInput["invoice"] = {
  number: "INV-000042",
  status: "open",
  source_type: "order",
  currency_code: "jpy",
  subtotal: 3000,
  discount_total: 0,
  shipping_total: 0,
  tax_total: 300,
  total: 3300,
  issued_at: "2026-11-20T10:00:00Z",
  customer_email: "kenji@example.com",
  customer_name: "Kenji Sato",
  lines: [{ kind: "item", title: "Plan", quantity: 3, unit_price: 1000, subtotal: 3000, discount_total: 0, tax_total: 300, total: 3300, rank: 0 }],
}
const text = (pdf: Buffer) => execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf }).toString("utf8")
const images = (pdf: Buffer) => execFileSync("pdfimages", ["-list", "-"], { input: pdf }).toString("utf8").trim().split("\n").length - 2

describe("the invoice PDF", () => {
  let server: LogoServer
  const served: Record<string, { type: string; body: Buffer }> = {
    "/logo.png": { type: "image/png", body: png() },
    "/logo.html": { type: "text/html", body: Buffer.from("<html>not an image</html>") },
    "/huge.png": { type: "image/png", body: Buffer.concat([png(), Buffer.alloc(1_100_000)]) },
  }

  beforeAll(async () => {
    server = await startLogoServer((req, res) => {
      const file = served[req.url ?? ""]
      if (!file) return res.writeHead(404).end()
      res.writeHead(200, { "content-type": file.type }).end(file.body)
    })
  })
  afterAll(() => server.close())

  it("formats amounts in the currency's own minor units: 3300 JPY is ¥3,300", async () => {
    const pdf = await renderInvoicePdf({ invoice, seller: { name: "Shop" }, locale: "en" })
    expect(text(pdf)).toMatch(/Total\s+¥3,300/)
    expect(text(pdf)).toMatch(/Amount due\s+¥3,300/)
  })

  it("embeds the store's logo, fetched once and kept", async () => {
    const logo = await invoiceLogo(`${server.base}/logo.png`, Date.now(), server.policy)
    expect(logo?.subarray(1, 4).toString()).toBe("PNG")
    const before = server.requests()
    expect(await invoiceLogo(`${server.base}/logo.png`, Date.now(), server.policy)).toBe(logo)
    expect(server.requests()).toBe(before)
    const pdf = await renderInvoicePdf({ invoice, seller: { name: "Shop", logo }, locale: "en" })
    expect(images(pdf)).toBe(1)
    expect(images(await renderInvoicePdf({ invoice, seller: { name: "Shop" }, locale: "en" }))).toBe(0)
  })

  it("renders without a logo that is not an image, too large, missing or not on https", async () => {
    const { base } = server
    for (const url of [`${base}/logo.html`, `${base}/huge.png`, `${base}/missing.png`, "file:///etc/passwd", base.replace("https:", "http:") + "/logo.png", null]) {
      expect(await invoiceLogo(url, Date.now(), server.policy)).toBeNull()
    }
  })
})

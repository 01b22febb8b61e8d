import { execFileSync } from "node:child_process"
import http from "node:http"
import type { AddressInfo } from "node:net"
import { zlibSync } from "fflate"
import { invoiceLogo } from "../logo"
import { renderInvoicePdf, type InvoicePdfInput } from "../render"

/** A real 2×2 PNG: signature, IHDR, one IDAT of filtered RGB rows, IEND. */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(2, 0)
  header.writeUInt32BE(2, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const rows = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 255, 255, 255])
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", Buffer.from(zlibSync(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ])
}

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
  let server: http.Server
  let base: string
  const served: Record<string, { type: string; body: Buffer }> = {
    "/logo.png": { type: "image/png", body: png() },
    "/logo.html": { type: "text/html", body: Buffer.from("<html>not an image</html>") },
    "/huge.png": { type: "image/png", body: Buffer.concat([png(), Buffer.alloc(1_100_000)]) },
  }
  let hits = 0

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits++
      const file = served[req.url ?? ""]
      if (!file) return res.writeHead(404).end()
      res.writeHead(200, { "content-type": file.type }).end(file.body)
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  it("formats amounts in the currency's own minor units: 3300 JPY is ¥3,300", async () => {
    const pdf = await renderInvoicePdf({ invoice, seller: { name: "Shop" }, locale: "en" })
    expect(text(pdf)).toMatch(/Total\s+¥3,300/)
    expect(text(pdf)).toMatch(/Amount due\s+¥3,300/)
  })

  it("embeds the store's logo, fetched once and kept", async () => {
    const logo = await invoiceLogo(`${base}/logo.png`)
    expect(logo?.subarray(1, 4).toString()).toBe("PNG")
    const before = hits
    expect(await invoiceLogo(`${base}/logo.png`)).toBe(logo)
    expect(hits).toBe(before)
    const pdf = await renderInvoicePdf({ invoice, seller: { name: "Shop", logo }, locale: "en" })
    expect(images(pdf)).toBe(1)
    expect(images(await renderInvoicePdf({ invoice, seller: { name: "Shop" }, locale: "en" }))).toBe(0)
  })

  it("renders without a logo that is not an image, too large, missing or not on http(s)", async () => {
    for (const url of [`${base}/logo.html`, `${base}/huge.png`, `${base}/missing.png`, "file:///etc/passwd", null]) {
      expect(await invoiceLogo(url)).toBeNull()
    }
  })
})

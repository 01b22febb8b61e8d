import { execFileSync } from "node:child_process"
import fs from "node:fs"
import { unzipSync } from "fflate"
import type { Page } from "playwright-core"
import { browserForSpec, e2eInfo, signInAs, visible } from "./browser"

jest.setTimeout(240_000)

const info = e2eInfo()
const browser = browserForSpec(info)

/** The text of a PDF as `pdftotext` lays it out, without the marks it adds around right-to-left runs. */
const pdfText = (pdf: Buffer) =>
  execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", "-", "-"], { input: pdf })
    .toString("utf8")
    .replace(/[\u202A-\u202E]/g, "")

describe("invoices in the browser", () => {
  it("opens the billing page, downloads an invoice PDF and all invoices as a ZIP", async () => {
    const page = await signInAs(browser(), info, "layla@example.com", "en")
    await page.getByRole("navigation", { name: "Customer portal" }).getByRole("link", { name: "Billing" }).click()
    await visible(page.getByRole("heading", { level: 1, name: "Billing history" }))

    // A PDF straight from the list, then from the invoice's own page.
    const rowPdf = page.getByRole("link", { name: /^PDF of invoice INV-\d{6}$/ }).first()
    const number = (await rowPdf.textContent())!.match(/INV-\d{6}/)![0]
    const fromList = await download(page, () => rowPdf.click())
    expect(fromList.name).toBe(`${number}.pdf`)
    expect(pdfText(fromList.bytes)).toContain(number)

    await page.getByRole("link", { name: `View invoice ${number}` }).click()
    await visible(page.getByRole("heading", { level: 1, name: `Invoice ${number}` }))
    const pdf = await download(page, () => page.getByRole("link", { name: "Download PDF" }).click())
    expect(pdf.name).toBe(`${number}.pdf`)
    const text = pdfText(pdf.bytes)
    for (const expected of ["Northwind Studio", "221 Market Street", "Invoice", number, "Bill to", "layla@example.com", "Total", "Paid"]) {
      expect(text).toContain(expected)
    }
    expect(text).toMatch(/Northwind (Pro · Monthly|Desktop · 1 user)/)
    expect(text).toMatch(/Total\s+\$\d+\.\d{2}/)

    // Every invoice at once: the button reports progress, then the archive holds one PDF per invoice.
    await page.getByRole("link", { name: "Back to billing history" }).click()
    await visible(page.getByRole("link", { name: `View invoice ${number}` }))
    const rows = await page.getByRole("link", { name: /^View invoice INV-\d{6}$/ }).count()
    expect(rows).toBeGreaterThan(0)
    const zip = await download(page, () => page.getByRole("button", { name: "Download PDFs (ZIP)" }).click())
    await visible(page.getByRole("status").getByText(/^Download ready/))
    const files = unzipSync(new Uint8Array(zip.bytes))
    expect(Object.keys(files)).toHaveLength(rows)
    expect(Object.keys(files)).toContain(`${number}.pdf`)
    expect(pdfText(Buffer.from(files[`${number}.pdf`]))).toContain(number)
  })

  it("downloads the Arabic PDF from the Arabic portal", async () => {
    const page = await signInAs(browser(), info, "layla@example.com", "ar")
    await page.goto(`${info.storefront_url}/ar/portal/billing`)
    const view = page.getByRole("link", { name: /INV-\d{6}/ }).first()
    await view.click()
    const pdf = await download(page, () => page.getByRole("link", { name: "تنزيل ملف PDF" }).click())
    const text = pdfText(pdf.bytes)
    for (const expected of ["فاتورة", "رقم الفاتورة", "المجموع الفرعي", "مدفوعة", pdf.name.replace(/\.pdf$/, "")]) {
      expect(text).toContain(expected)
    }
  })
})

async function download(page: Page, start: () => Promise<unknown>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), start()])
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) }
}


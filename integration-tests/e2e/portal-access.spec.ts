import fs from "node:fs"
import { linkIn, readOutbox, waitForEmails } from "../helpers/outbox"
import { browserForSpec, customerIdOf, e2eInfo, newContext, portalLinkFor } from "./browser"

jest.setTimeout(240_000)

const info = e2eInfo()
const browser = browserForSpec(info)

describe("portal access in the browser", () => {
  it("admin shares an invite: Share invite → Create link → copy → the customer continues into the overview", async () => {
    const context = await newContext(browser(), info)
    const page = await context.newPage()
    await page.goto(`${info.admin_url}/login`, { timeout: 180_000 })
    await page.locator('input[name="email"]').fill(info.admin.email)
    await page.locator('input[name="password"]').fill(info.admin.password)
    await page.locator('button[type="submit"]').click()
    // Signed in once the admin has left its login page (a pattern like /app/ would match /app/login too).
    await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 120_000 })

    const laylaId = await customerIdOf(info, "layla@example.com")
    await page.goto(`${info.admin_url}/customers/${laylaId}`)
    await page.getByRole("button", { name: "Share invite" }).click({ timeout: 120_000 })
    const dialog = page.getByRole("dialog")
    await expectVisible(dialog.getByRole("textbox", { name: "Test mode" }))
    expect(await dialog.getByRole("textbox", { name: "Test mode" }).inputValue()).toBe(info.static_login_links.en)

    await dialog.getByRole("button", { name: "Create link", exact: true }).click()
    const linkField = dialog.getByRole("textbox", { name: "One-time link" })
    await expectVisible(linkField)
    const link = await linkField.inputValue()
    expect(link).toMatch(new RegExp(`^${info.storefront_url}/en/portal/access#t=[A-Za-z0-9_-]{43}$`))
    await expectVisible(dialog.getByText(/^Expires /))
    await dialog.getByRole("button", { name: "Copy One-time link" }).click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)

    const customer = await newContext(browser(), info)
    const portal = await customer.newPage()
    // Opening the link twice (as an email scanner would) consumes nothing; the page names the account, masked.
    const scanner = await customer.newPage()
    await scanner.goto(link)
    await expectVisible(scanner.getByText("It signs you in as l•••@example.com."))
    await scanner.close()
    await portal.goto(link)
    await expectVisible(portal.getByText("It signs you in as l•••@example.com."))
    await portal.getByRole("button", { name: "Continue to your portal" }).click()
    await expectVisible(portal.getByRole("heading", { name: "Welcome, Layla" }))
    await expectVisible(portal.getByRole("heading", { name: "Recent purchases" }))
    const cookie = (await customer.cookies()).find((c) => c.name === "portal_session")
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" })

    // The link was used: opening it again shows the one clear page at once.
    const again = await (await newContext(browser(), info)).newPage()
    await again.goto(link)
    await expectVisible(again.getByRole("heading", { name: "This link has expired or was already used" }))
    expect(await again.getByRole("button", { name: "Continue to your portal" }).count()).toBe(0)
    await expectVisible(again.getByRole("link", { name: "Request a new sign-in link" }))
  })

  it("a link carries its token in the fragment: no request has it, the address bar loses it, and only Continue posts it", async () => {
    const laylaId = await customerIdOf(info, "layla@example.com")
    const link = await portalLinkFor(info, laylaId, "en")
    const token = new URLSearchParams(new URL(link).hash.slice(1)).get("t")!
    expect(link).toBe(`${info.storefront_url}/en/portal/access#t=${token}`)

    const context = await newContext(browser(), info)
    const page = await context.newPage()
    // What servers, proxies and other sites could see of every request but a POST's body: its address and headers (Referer too).
    const seen: string[] = []
    page.on("request", (request) => seen.push(request.url(), ...Object.values(request.headers())))
    const opened = await page.goto(link)
    const headers = opened!.headers()
    expect(headers["referrer-policy"]).toBe("no-referrer")
    expect(headers["cache-control"]).toContain("no-store")
    expect(headers["x-robots-tag"]).toBe("noindex")
    expect(opened!.request().url()).toBe(`${info.storefront_url}/en/portal/access`)

    await expectVisible(page.getByText("It signs you in as l•••@example.com."))
    const button = page.getByRole("button", { name: "Continue to your portal" })
    await expectVisible(button)
    // Read, then taken out of the address bar and this history entry; the form posts it from a hidden field.
    expect(page.url()).toBe(`${info.storefront_url}/en/portal/access`)
    expect(await page.evaluate(() => window.location.hash)).toBe("")
    expect(await page.locator('form input[type="hidden"][name="token"]').inputValue()).toBe(token)

    await button.click()
    await expectVisible(page.getByRole("heading", { name: "Welcome, Layla" }))
    expect(page.url()).toBe(`${info.storefront_url}/en/portal`)
    expect(seen.filter((address) => address.includes(token))).toEqual([])

    // A link of the earlier form, with the token in the path, still in a mailbox: sent on to the fragment form.
    const earlier = new URL(await portalLinkFor(info, laylaId, "en"))
    const earlierToken = new URLSearchParams(earlier.hash.slice(1)).get("t")!
    const pathForm = `${info.storefront_url}/en/portal/access/${earlierToken}`
    const answer = await context.request.get(pathForm, { maxRedirects: 0 })
    expect(answer.status()).toBe(303)
    expect(answer.headers()["location"]).toBe(`/en/portal/access#t=${earlierToken}`)
    const other = await (await newContext(browser(), info)).newPage()
    await other.goto(pathForm)
    await expectVisible(other.getByText("It signs you in as l•••@example.com."))
    expect(other.url()).toBe(`${info.storefront_url}/en/portal/access`)
  })

  it("a link page opened without its token says the link is incomplete and where to get a new one, in English and Arabic", async () => {
    const page = await (await newContext(browser(), info)).newPage()
    await page.goto(`${info.storefront_url}/en/portal/access#t=cut-short`)
    await expectVisible(page.getByRole("heading", { level: 1, name: "This link is incomplete" }))
    await expectVisible(page.getByRole("link", { name: "Request a new sign-in link" }))
    expect(await page.getByRole("button", { name: "Continue to your portal" }).count()).toBe(0)
    expect(page.url()).toBe(`${info.storefront_url}/en/portal/access`)

    await page.goto(`${info.storefront_url}/en/portal/verify-email`)
    await expectVisible(page.getByRole("heading", { level: 1, name: "This link is incomplete" }))
    await expectVisible(page.getByRole("link", { name: "Go to your profile" }))

    const arabic = await (await newContext(browser(), info, { locale: "ar" })).newPage()
    await arabic.goto(`${info.storefront_url}/ar/portal/access`)
    expect(await arabic.getAttribute("html", "dir")).toBe("rtl")
    await expectVisible(arabic.getByRole("heading", { level: 1, name: "هذا الرابط غير مكتمل" }))
    await expectVisible(arabic.getByRole("link", { name: "طلب رابط تسجيل دخول جديد" }))
  })

  it("customer asks for a link on the static page, reads the email and signs in; sign-out ends the session", async () => {
    const context = await newContext(browser(), info)
    const page = await context.newPage()
    const before = readOutbox(info.emails_folder).filter((e) => e.to === "sam@example.com").length
    await page.goto(info.static_login_links.en)
    await expectVisible(page.getByText("Test mode").first())
    await page.getByLabel("Email address").fill("  SAM@example.com ")
    await page.getByRole("button", { name: "Email me a sign-in link" }).click()
    await expectVisible(page.getByText("If this email has purchases here, a sign-in link is on its way."))

    const emails = await waitForEmails(info.emails_folder, "sam@example.com", before + 1, 30_000)
    const email = emails[emails.length - 1]
    expect(email.subject).toContain("sign-in link")
    await page.goto(linkIn(email))
    await page.getByRole("button", { name: "Continue to your portal" }).click()
    await expectVisible(page.getByRole("heading", { name: "Welcome, Sam" }))

    // Billing history: the seeded order's invoice, and its detail.
    await page.getByRole("navigation", { name: "Customer portal" }).getByRole("link", { name: "Billing" }).click()
    await expectVisible(page.getByRole("heading", { level: 1, name: "Billing history" }))
    const invoiceLink = page.getByRole("link", { name: /^View invoice INV-\d{6}$/ }).first()
    const invoiceName = (await invoiceLink.getAttribute("aria-label")) ?? (await invoiceLink.innerText())
    await invoiceLink.click()
    await expectVisible(page.getByRole("heading", { level: 1, name: new RegExp(`^Invoice ${invoiceName.match(/INV-\d{6}/)![0]}$`) }))
    await expectVisible(page.getByRole("table", { name: "Invoice items" }).getByText("Northwind Desktop · 1 user"))
    await page.getByRole("link", { name: "Back to billing history" }).click()
    await expectVisible(page.getByRole("heading", { level: 1, name: "Billing history" }))
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()])
    expect(download.suggestedFilename()).toBe("billing-history.csv")
    const csv = fs.readFileSync((await download.path())!, "utf8")
    expect(csv).toContain(invoiceName.match(/INV-\d{6}/)![0])
    expect(csv).toContain("1 × Northwind Desktop · 1 user")

    await page.getByRole("button", { name: "Sign out" }).click()
    await page.waitForURL(/\/portal\/login\//)
    await page.goto(`${info.storefront_url}/en/portal`)
    await expect(page.getByRole("heading", { name: /Welcome/ }).count()).resolves.toBe(0)
  })

  it("behind https, the session cookie is __Host- prefixed: Secure, for the whole host, no domain", async () => {
    // As a TLS-terminating proxy in front of the storefront says the original scheme.
    const context = await newContext(browser(), info, { extraHTTPHeaders: { "x-forwarded-proto": "https" } })
    const page = await context.newPage()
    await page.goto(await portalLinkFor(info, await customerIdOf(info, "layla@example.com"), "en"))
    await page.getByRole("button", { name: "Continue to your portal" }).click()
    await expectVisible(page.getByRole("heading", { name: "Welcome, Layla" }))
    const cookies = await context.cookies()
    expect(cookies.find((c) => c.name === "portal_session")).toBeUndefined()
    expect(cookies.find((c) => c.name === "__Host-portal_session")).toMatchObject({ secure: true, httpOnly: true, path: "/", sameSite: "Lax" })
  })

  it("shows the portal in Arabic, right to left", async () => {
    const page = await (await newContext(browser(), info, { locale: "ar" })).newPage()
    await page.goto(info.static_login_links.ar)
    expect(await page.getAttribute("html", "dir")).toBe("rtl")
    expect(await page.getAttribute("html", "lang")).toBe("ar")
  })
})

async function expectVisible(locator: { waitFor: (o: { state: "visible"; timeout: number }) => Promise<void> }) {
  await locator.waitFor({ state: "visible", timeout: 60_000 })
}

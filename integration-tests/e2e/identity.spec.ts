import { readOutbox, waitForEmails, linkIn } from "../helpers/outbox"
import { browserForSpec, customerIdOf, e2eInfo, newContext, portalLinkFor, visible } from "./browser"

jest.setTimeout(240_000)

const info = e2eInfo()
const browser = browserForSpec(info)

/*
 * A link the merchant hands over proves nothing about who opens it: the portal shows the one
 * record it was made for, says plainly that other purchases may be hidden, and joins them once
 * the customer confirms the address from this browser. The access page names the account a link
 * signs into, and warns when someone else is signed in in this browser.
 */
describe("identity in the browser", () => {
  it("a copied link names its account, says purchases may be hidden, and a link sent to the address and opened here joins them (en)", async () => {
    const page = await (await newContext(browser(), info)).newPage()
    await page.goto(await portalLinkFor(info, await customerIdOf(info, "noor@example.com"), "en"))
    await visible(page.getByText("It signs you in as n•••@example.com."))
    await page.getByRole("button", { name: "Continue to your portal" }).click()
    await visible(page.getByRole("heading", { name: "Welcome, Noor" }))

    const notice = page.getByRole("region", { name: "Some purchases may be hidden" })
    await visible(notice)
    await visible(notice.getByText("stay hidden until you confirm the address is yours"))
    const purchases = page.getByRole("region", { name: "Recent purchases" })
    await visible(purchases.getByText("Northwind Pro", { exact: false }).first())
    // The guest checkout's purchase (the desktop app) is not shown yet.
    expect(await purchases.getByText("Northwind Desktop", { exact: false }).count()).toBe(0)

    const before = readOutbox(info.emails_folder).filter((e) => e.to === "noor@example.com" && e.template === "email-confirm").length
    await notice.getByRole("button", { name: "Send me a link" }).click()
    await visible(notice.getByRole("status").getByText("We sent a link to noor@example.com. Open it in this browser", { exact: false }))
    const emails = (await waitForEmails(info.emails_folder, "noor@example.com", 1, 30_000)).filter((e) => e.template === "email-confirm")
    expect(emails.length).toBe(before + 1)

    // Opened in this browser: the session that asked is confirmed, and everything shows.
    await page.goto(linkIn(emails[emails.length - 1]))
    await visible(page.getByText("Continue to confirm this email address is yours", { exact: false }))
    await page.getByRole("button", { name: "Confirm and continue" }).click()
    await visible(page.getByRole("heading", { name: "Welcome, Noor" }))
    await visible(page.getByRole("region", { name: "Recent purchases" }).getByText("Northwind Desktop", { exact: false }).first())
    expect(await page.getByRole("region", { name: "Some purchases may be hidden" }).count()).toBe(0)
  })

  it("the same notice and the access page's account in Arabic, right to left; a link for someone else while signed in says so first", async () => {
    const context = await newContext(browser(), info, { locale: "ar" })
    const page = await context.newPage()
    await page.goto(await portalLinkFor(info, await customerIdOf(info, "layla@example.com"), "ar"))
    expect(await page.getAttribute("html", "dir")).toBe("rtl")
    await visible(page.getByText("يسجّل دخولك باسم l•••@example.com."))
    await page.getByRole("button", { name: "المتابعة إلى بوابتك" }).click()
    const notice = page.getByRole("region", { name: "قد تكون بعض المشتريات مخفية" })
    await visible(notice)
    await visible(notice.getByRole("button", { name: "أرسل لي رابطًا" }))

    // A link for Sam, opened while Layla is signed in here: the page says whose session ends.
    await page.goto(await portalLinkFor(info, await customerIdOf(info, "sam@example.com", true), "ar"))
    const warning = page.getByText("أنت مسجّل الدخول باسم l•••@example.com في هذا المتصفح", { exact: false })
    await visible(warning)
    await visible(page.getByText("s•••@example.com", { exact: false }).first())
  })

  it("a link for someone else while signed in says so first, and continuing signs out the session this browser had (en)", async () => {
    const context = await newContext(browser(), info)
    const page = await context.newPage()
    await page.goto(await portalLinkFor(info, await customerIdOf(info, "layla@example.com"), "en"))
    await page.getByRole("button", { name: "Continue to your portal" }).click()
    await visible(page.getByRole("heading", { name: "Welcome, Layla" }))

    await page.goto(await portalLinkFor(info, await customerIdOf(info, "sam@example.com", true), "en"))
    await visible(page.getByText("You are signed in as l•••@example.com in this browser.", { exact: false }))
    await visible(page.getByText("into s•••@example.com", { exact: false }))
    await page.getByRole("button", { name: "Continue to your portal" }).click()
    await visible(page.getByRole("heading", { name: "Welcome, Sam" }))
  })
})

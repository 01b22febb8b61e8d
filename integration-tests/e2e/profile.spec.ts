import type { Page } from "playwright-core"
import { verifyLinkIn, waitForEmails } from "../helpers/outbox"
import { waitFor } from "../helpers/wait"
import { browserForSpec, e2eInfo, signInAs, visible } from "./browser"

jest.setTimeout(240_000)

const info = e2eInfo()
const browser = browserForSpec(info)

/** Asks for the change on the profile page, then opens the link sent to the new address and confirms it. */
async function changeEmail(page: Page, to: string) {
  const before = (await waitForEmails(info.emails_folder, to, 0)).length
  await page.getByLabel("New email address").fill(to)
  await page.getByRole("button", { name: "Send verification link" }).click()
  await visible(page.getByText(`We sent a link to ${to}.`, { exact: false }))
  const emails = await waitForEmails(info.emails_folder, to, before + 1, 30_000)
  const verify = emails.filter((e) => e.template === "email-change-verify").pop()!
  const link = verifyLinkIn(verify)
  const tab = await page.context().newPage()
  await tab.goto(link)
  await visible(tab.getByRole("heading", { level: 1, name: "Confirm your new email address" }))
  await tab.getByRole("button", { name: "Confirm new email address" }).click()
  await visible(tab.getByText(`Your email address is now ${to}.`))
  await tab.close()
}

describe("profile in the browser (P4)", () => {
  it("edits the phone number (a bad one is explained), and changes the email only through the link sent to the new address", async () => {
    const page = await signInAs(browser(), info, "noor@example.com")
    await page.getByRole("navigation", { name: "Customer portal" }).getByRole("link", { name: "Profile" }).click()
    await visible(page.getByRole("heading", { level: 1, name: "Profile" }))
    await expect(page.getByLabel("First name").inputValue()).resolves.toBe("Noor")

    await page.getByLabel("Phone number").fill("050 123 4567")
    await page.getByRole("button", { name: "Save changes" }).click()
    await visible(page.getByRole("alert").filter({ hasText: "Enter the phone number with its country code" }))
    await page.getByLabel("Phone number").fill("+971 50 123 4567")
    await page.getByRole("button", { name: "Save changes" }).click()
    await visible(page.getByRole("status").filter({ hasText: "Your details are saved." }))
    await page.reload()
    await expect(page.getByLabel("Phone number").inputValue()).resolves.toBe("+971501234567")

    // The new address confirms the change; until then the email stays as it was.
    const undosBefore = (await waitForEmails(info.emails_folder, "noor@example.com", 0)).filter((e) => e.template === "email-changed").length
    await changeEmail(page, "noor.saleh@example.com")
    const notice = (await waitForEmails(info.emails_folder, "noor@example.com", 1, 30_000)).filter((e) => e.template === "email-change-requested")
    expect(notice.length).toBeGreaterThan(0)
    await page.reload()
    await visible(page.getByText("noor.saleh@example.com").first())

    // The old address is told, with a link that undoes it — which also brings Noor back for the other browser tests.
    const undo = await waitFor(
      async () => (await waitForEmails(info.emails_folder, "noor@example.com", 0)).filter((e) => e.template === "email-changed"),
      (emails) => emails.length > undosBefore,
      30_000,
      "the email-changed notice"
    )
    const link = verifyLinkIn(undo[undo.length - 1])
    const tab = await page.context().newPage()
    await tab.goto(link)
    await visible(tab.getByRole("heading", { level: 1, name: "Undo the change of your email address" }))
    await visible(tab.getByText("n•••@example.com back", { exact: false }))
    await tab.getByRole("button", { name: "Undo the change" }).click()
    await visible(tab.getByText("Your email address is noor@example.com again", { exact: false }))
    // Everyone is signed out, this page's session too: it ends on the sign-in page.
    await page.reload()
    await page.waitForURL(/\/portal\/login\//, { timeout: 60_000 })
  })
})

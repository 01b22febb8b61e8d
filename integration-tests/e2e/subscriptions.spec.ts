import type { Browser, Locator } from "playwright-core"
import { readOutbox } from "../helpers/outbox"
import { e2eInfo, launch, signInAs } from "./browser"

jest.setTimeout(240_000)

const info = e2eInfo()
let browser: Browser

beforeAll(async () => {
  browser = await launch(info)
})

afterAll(async () => {
  await browser?.close()
})

const visible = (locator: Locator) => locator.waitFor({ state: "visible", timeout: 60_000 })

describe("subscriptions in the browser", () => {
  it("shows an on-hold subscription unmistakably, with what to do", async () => {
    const page = await signInAs(browser, info, "noor@example.com")
    await visible(page.getByText(/Payment failed for Northwind Pro · Yearly\. Update your payment method to continue\./))
    await page.getByRole("link", { name: "View subscription Northwind Pro · Yearly" }).click()
    await visible(page.getByRole("heading", { level: 1, name: /Northwind Pro · Yearly/ }))
    await visible(page.getByText(/Payment failed — update your payment method to continue/).first())
    await visible(page.getByRole("link", { name: "Edit payment method" }))
  })

  it("cancels a subscription at the end of its period, undoes it, then cancels it now", async () => {
    const page = await signInAs(browser, info, "layla@example.com")
    await page.getByRole("navigation", { name: "Customer portal" }).getByRole("link", { name: "Subscriptions" }).click()
    await visible(page.getByRole("heading", { level: 1, name: "Subscriptions" }))
    await page.getByRole("link", { name: "Manage Northwind Pro · Monthly" }).click()
    await visible(page.getByRole("heading", { level: 1, name: /Northwind Pro · Monthly/ }))
    await visible(page.getByText("Visa •••• 4242").first())

    // At the end of the period, with the keyboard only where it matters.
    await page.getByRole("button", { name: "Cancel subscription" }).click()
    const dialog = page.getByRole("dialog", { name: "Cancel Northwind Pro · Monthly" })
    await visible(dialog)
    await dialog.getByRole("radio", { name: /At the end of the period/ }).check()
    await dialog.getByLabel("Reason").selectOption("unused")
    await dialog.getByLabel("Comment").fill("Back next season")
    await dialog.getByRole("button", { name: "Cancel subscription" }).click()
    await visible(page.getByText(/^Your subscription will end on /))
    await expect(dialog.count()).resolves.toBe(0)

    await page.getByRole("button", { name: "Undo cancellation" }).click()
    await visible(page.getByText("Your subscription will continue."))

    // A reason is required: the dialog says so and nothing changes.
    await page.getByRole("button", { name: "Cancel subscription" }).click()
    await dialog.getByRole("radio", { name: "Now" }).check()
    await dialog.getByRole("button", { name: "Cancel subscription" }).click()
    await visible(dialog.getByText("Choose a reason for cancelling."))
    await dialog.getByLabel("Reason").selectOption("too_expensive")
    await dialog.getByRole("button", { name: "Cancel subscription" }).click()
    await visible(page.getByText("Your subscription is cancelled."))

    await page.getByRole("navigation", { name: "Customer portal" }).getByRole("link", { name: "Subscriptions" }).click()
    await visible(page.getByRole("heading", { name: "Past subscriptions" }))
    await visible(page.getByText(/Ended on/).first())
    const templates = readOutbox(info.emails_folder)
      .filter((e) => e.to === "layla@example.com")
      .map((e) => e.template)
    expect(templates).toEqual(expect.arrayContaining(["subscription-cancellation-scheduled", "subscription-resumed", "subscription-cancelled"]))
  })
})

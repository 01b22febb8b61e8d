import { readOutbox } from "../helpers/outbox"
import { browserForSpec, e2eInfo, signInAs, visible } from "./browser"

jest.setTimeout(240_000)

const info = e2eInfo()
const browser = browserForSpec(info)

describe("subscriptions in the browser", () => {
  it("shows an on-hold subscription unmistakably, with what to do", async () => {
    const page = await signInAs(browser(), info, "noor@example.com")
    await visible(page.getByText(/Payment failed for Northwind Pro · Yearly\. Update your payment method to continue\./))
    await page.getByRole("link", { name: "View subscription Northwind Pro · Yearly" }).click()
    await visible(page.getByRole("heading", { level: 1, name: /Northwind Pro · Yearly/ }))
    await visible(page.getByText(/Payment failed — update your payment method to continue/).first())
    await visible(page.getByRole("link", { name: "Edit payment method" }))
  })

  it("M7: an on-hold subscription → Edit → a declined card, then one without funds → a good card → confirmation → active, emails sent", async () => {
    const page = await signInAs(browser(), info, "noor@example.com")
    await page.getByRole("link", { name: "View subscription Northwind Pro · Yearly" }).click()
    await page.getByRole("link", { name: "Edit payment method" }).click()
    await visible(page.getByRole("heading", { level: 1, name: "Change payment method" }))
    const choices = page.getByRole("group", { name: "Choose a payment method" })
    await visible(choices.getByRole("radio", { name: /card ending in 0341/ }))
    const confirm = page.getByRole("button", { name: /^Pay .+ and confirm$/ })
    const addCard = async (number: string) => {
      await choices.getByRole("radio", { name: "Add a new card" }).check()
      await page.getByLabel("Card number").fill(number)
      await page.getByLabel("Expiry date").fill("12/35")
      await page.getByLabel("Security code").fill("123")
      await confirm.click()
    }

    // A declined card is not even saved: the provider's sentence, nothing charged.
    await addCard("4000 0000 0000 0002")
    await visible(page.getByRole("alert").filter({ hasText: "Your card was declined. Try another card." }))

    // A card without funds saves, but the dues charge fails: told plainly, still on hold.
    await addCard("4000 0000 0000 9995")
    const failure = page.getByRole("alert").filter({ hasText: "The payment did not go through." })
    await visible(failure)
    await visible(failure.getByText(/insufficient funds/))
    await visible(failure.getByText("Your subscription is still on hold."))
    await visible(choices.getByRole("radio", { name: /card ending in 9995/ }))

    // The provider fails (not a decline): told to try again, that nothing will be charged twice, still on hold.
    await addCard("4000 0000 0000 0119")
    const interrupted = page.getByRole("alert").filter({ hasText: "Your payment could not be completed just now. Try again in a moment: you will not be charged twice." })
    await visible(interrupted)
    await visible(interrupted.getByText("Your subscription is still on hold."))

    // A good card: the dues are paid and the subscription is active again.
    await addCard("4242 4242 4242 4242")
    await page.waitForURL(/\/payment-method\/confirmed\?invoice=/, { timeout: 60_000 })
    await visible(page.getByRole("heading", { level: 1, name: "Payment method updated" }))
    await visible(page.getByText(/^Your payment of .+ was successful\.$/))
    await visible(page.getByText(/^Your subscription is active again\. Next renewal on /))
    await visible(page.getByText(/Visa •••• 4242/).first())
    // The dues invoice, paid.
    await page.getByRole("link", { name: /^View invoice / }).click()
    await visible(page.getByText("Paid").first())
    await page.goBack()

    await page.getByRole("link", { name: "Back to the subscription" }).click()
    await visible(page.getByRole("heading", { level: 1, name: /Northwind Pro · Yearly/ }))
    await visible(page.getByText("Active").first())
    await expect(page.getByText(/Payment failed — update your payment method/).count()).resolves.toBe(0)

    const deadline = Date.now() + 15_000
    let templates: string[] = []
    while (Date.now() < deadline) {
      templates = readOutbox(info.emails_folder)
        .filter((e) => e.to === "noor@example.com")
        .map((e) => e.template)
      if (templates.includes("subscription-reactivated") && templates.includes("subscription-payment-succeeded")) break
      await new Promise((r) => setTimeout(r, 250))
    }
    expect(templates).toEqual(expect.arrayContaining(["subscription-payment-succeeded", "subscription-reactivated"]))
  })

  it("cancels a subscription at the end of its period, undoes it, then cancels it now", async () => {
    const page = await signInAs(browser(), info, "layla@example.com")
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

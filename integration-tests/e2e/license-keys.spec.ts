import { browserForSpec, e2eInfo, signInAs, visible } from "./browser"

jest.setTimeout(240_000)

const info = e2eInfo()
const browser = browserForSpec(info)

describe("license keys in the browser (P5)", () => {
  it("copies a key, which the license API then accepts, and frees the device it is active on", async () => {
    const page = await signInAs(browser(), info, "layla@example.com")
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(info.storefront_url).origin })
    await page.getByRole("navigation", { name: "Customer portal" }).getByRole("link", { name: "License keys" }).click()
    await visible(page.getByRole("heading", { level: 1, name: "License keys" }))

    // The key in use on Layla's laptop: masked until asked for.
    const key = page.locator("li").filter({ hasText: "Activations: 1 of 3" }).first()
    await visible(key)
    // All but the last four characters hidden, the dashes kept.
    await visible(key.getByText(/^•••-•••••-•••••-•••••-•[0-9A-Z]{4}$/))
    await key.getByRole("button", { name: /^Copy key for Northwind Desktop/ }).click()
    await visible(key.getByRole("status").filter({ hasText: "Copied" }))
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toMatch(/^NWD(-[0-9A-HJKMNP-TV-Z]{5}){4}$/)
    const validation = await fetch(`${info.backend_url}/licenses/validate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // The demo's keys were bought with test money: test keys.
      body: JSON.stringify({ key: copied, instance_name: "Layla's MacBook Pro", mode: "test" }),
    }).then((r) => r.json())
    expect(validation).toMatchObject({ valid: true, license_key: { activations_used: 1, activation_limit: 3 } })

    // Reveal shows the same key in place.
    await key.getByRole("button", { name: /^Reveal key for Northwind Desktop/ }).click()
    await visible(key.getByText(copied))

    // Free the laptop's activation.
    await key.getByRole("link", { name: /^Manage activations for Northwind Desktop/ }).click()
    await visible(page.getByRole("heading", { level: 2, name: "Activations" }))
    await page.getByRole("button", { name: "Deactivate Layla's MacBook Pro" }).click()
    const dialog = page.getByRole("alertdialog", { name: "Deactivate Layla's MacBook Pro?" })
    await visible(dialog)
    await dialog.getByRole("button", { name: "Deactivate" }).click()
    await visible(page.getByText("Layla's MacBook Pro is deactivated. You can use this activation on another device."))
    await visible(page.getByText("This key is not active on any device yet."))
    const after = await fetch(`${info.backend_url}/licenses/validate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // The demo's keys were bought with test money: test keys.
      body: JSON.stringify({ key: copied, instance_name: "Layla's MacBook Pro", mode: "test" }),
    }).then((r) => r.json())
    expect(after).toMatchObject({ valid: false, code: "not_activated", license_key: { activations_used: 0 } })
  })
})

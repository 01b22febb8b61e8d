import { browserForSpec, e2eInfo, signInAs, visible } from "./browser"

jest.setTimeout(240_000)

const info = e2eInfo()
const browser = browserForSpec(info)

const FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"

describe("recent activity and signing out everywhere", () => {
  it("shows the customer where they signed in from, and signs them out on every device", async () => {
    // Two devices of the same customer; the first comes through a proxy that names its address.
    const phone = await signInAs(browser(), info, "sam@example.com", "en", {
      guest: true,
      userAgent: FIREFOX_ON_LINUX,
      extraHTTPHeaders: { "x-forwarded-for": "198.51.100.77" },
    })
    const laptop = await signInAs(browser(), info, "sam@example.com", "en", { guest: true })

    await phone.getByRole("navigation", { name: "Customer portal" }).getByRole("link", { name: "Profile" }).click()
    await visible(phone.getByRole("heading", { level: 2, name: "Recent activity" }))
    const activity = phone.getByRole("region", { name: "Recent activity" })
    // The storefront passed the customer's address and browser on: not its own.
    await visible(activity.getByText("198.51.100.77").first())
    await visible(activity.getByText("Firefox · Linux").first())
    await visible(activity.getByText("Signed in").first())
    await visible(activity.getByText("Sign-in link sent").first())

    await phone.getByRole("button", { name: "Sign out everywhere" }).click()
    await phone.waitForURL(/\/portal\/login\//, { timeout: 60_000 })

    // The other device's session ended too.
    await laptop.reload()
    await laptop.waitForURL((url) => !url.pathname.endsWith("/portal"), { timeout: 60_000 })
    await visible(laptop.getByRole("heading", { level: 1 }))
    expect(laptop.url()).not.toMatch(/\/portal$/)
    await phone.context().close()
    await laptop.context().close()
  })
})

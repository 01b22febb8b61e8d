import type { Page, Response } from "playwright-core"
import { browserForSpec, e2eInfo, newContext, signInAs, visible } from "./browser"

jest.setTimeout(240_000)

const info = e2eInfo()
const browser = browserForSpec(info)

/** Records every Content-Security-Policy violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = ((window as any).__violations = [])
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`))
  })
  return () => page.evaluate(() => (window as any).__violations as string[])
}

function expectPortalHeaders(response: Response | null) {
  expect(response).not.toBeNull()
  const headers = response!.headers()
  const policy = headers["content-security-policy"]
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/)
  expect(policy).toContain("frame-ancestors 'none'")
  expect(policy).toContain("object-src 'none'")
  expect(policy).not.toContain("unsafe-eval")
  expect(headers["referrer-policy"]).toBe("no-referrer")
  expect(headers["cache-control"]).toContain("no-store")
  expect(headers["x-frame-options"]).toBe("DENY")
  expect(headers["x-content-type-options"]).toBe("nosniff")
  return policy.match(/'nonce-([^']+)'/)![1]
}

describe("portal pages' security headers", () => {
  it("sends a strict policy with a fresh nonce on every page, and the pages work under it", async () => {
    const page = await signInAs(browser(), info, "layla@example.com")
    const violations = await watchViolations(page)
    const nonces = new Set<string>()
    for (const [path, heading] of [
      ["/en/portal", /^Welcome/],
      ["/en/portal/billing", "Billing history"],
      ["/en/portal/subscriptions", "Subscriptions"],
      ["/en/portal/license-keys", "License keys"],
      ["/en/portal/profile", "Profile"],
      ["/ar/portal", /^مرحبًا/],
    ] as [string, string | RegExp][]) {
      const response = await page.goto(`${info.storefront_url}${path}`)
      nonces.add(expectPortalHeaders(response))
      await visible(page.getByRole("heading", { level: 1, name: heading }))
      // Next.js's own scripts carry the nonce: nothing was blocked.
      expect(await violations()).toEqual([])
    }
    expect(nonces.size).toBe(6)

    // The scripts ran: moving between pages happens in the browser.
    await page.goto(`${info.storefront_url}/en/portal`)
    await page.getByRole("navigation", { name: "Customer portal" }).getByRole("link", { name: "Billing" }).click()
    await visible(page.getByRole("heading", { level: 1, name: "Billing history" }))
    expect(await violations()).toEqual([])

    // The session cookie is out of reach of scripts and stays on this site.
    const cookies = await page.context().cookies()
    const session = cookies.find((c) => c.httpOnly && c.sameSite === "Lax" && c.path === "/")
    expect(session).toBeDefined()
    expect(await page.evaluate(() => document.cookie)).not.toContain(session!.value)
    await page.context().close()
  })

  it("guards the sign-in pages the same way, and no other site can frame them", async () => {
    const context = await newContext(browser(), info)
    const page = await context.newPage()
    expectPortalHeaders(await page.goto(info.static_login_links.en))
    // A page of another origin that tries to frame the portal gets nothing.
    await page.setContent(`<iframe id="f" src="${info.static_login_links.en}"></iframe>`)
    await page.waitForTimeout(2_000)
    const framed = page.frames().find((f) => f !== page.mainFrame())
    const body = framed ? await framed.evaluate(() => document.body?.innerText ?? "").catch(() => "") : ""
    expect(body).not.toContain("Sign in")
    await context.close()
  })
})

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

/** The headers every response carries, pages or not. */
function expectStaticHeaders(headers: Record<string, string>) {
  expect(headers["x-frame-options"]).toBe("DENY")
  expect(headers["x-content-type-options"]).toBe("nosniff")
  expect(headers["referrer-policy"]).toBe("no-referrer")
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'")
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

  it("sends the headers on dotted paths and static files too, and HSTS only over https", async () => {
    const context = await newContext(browser(), info)
    const page = await context.newPage()
    // A dotted path under the portal is a page like any other: nonce policy, no-store.
    const dotted = await page.goto(`${info.storefront_url}/en/portal/x.y`)
    expect(dotted!.status()).toBe(404)
    expectPortalHeaders(dotted)
    const download = await context.request.get(`${info.storefront_url}/en/portal/billing/export.csv`, { maxRedirects: 0 })
    expectStaticHeaders(download.headers())
    expect(download.headers()["cache-control"]).toContain("no-store")

    // Next's own script files and root files the proxy never sees get the static set.
    await page.goto(`${info.storefront_url}/en/portal`)
    const script = await page.locator("script[src^='/_next/static/']").first().getAttribute("src")
    for (const path of [script!, "/favicon.ico"]) {
      const response = await context.request.get(`${info.storefront_url}${path}`)
      expectStaticHeaders(response.headers())
      expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'")
      expect(response.headers()["strict-transport-security"]).toBeUndefined()
    }
    expect((await context.request.get(`${info.storefront_url}${script}`)).status()).toBe(200)

    // Behind a TLS proxy (X-Forwarded-Proto: https) pages and files alike pin the browser to https.
    for (const path of ["/en/portal", script!, "/en/portal/x.y"]) {
      const response = await context.request.get(`${info.storefront_url}${path}`, {
        headers: { "x-forwarded-proto": "https" },
        maxRedirects: 0,
      })
      expect(response.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains")
    }
    await context.close()
  })

  it("never redirects to another site from a locale written as a host", async () => {
    const context = await newContext(browser(), info)
    const page = await context.newPage()
    const origin = new URL(info.storefront_url).origin
    for (const locale of ["%5Cevil.com", "%2F%2Fevil.com", "/evil.com", "%5C%5Cevil.com"]) {
      const url = `${info.storefront_url}/${locale}/portal/billing/export`
      const response = await context.request.get(url, { maxRedirects: 0 })
      const location = response.headers()["location"]
      if (location === undefined) {
        expect(response.status()).toBe(404)
      } else {
        expect(response.status()).toBeGreaterThanOrEqual(300)
        expect(response.status()).toBeLessThan(400)
        expect(new URL(location, url).origin).toBe(origin)
      }
      // Followed to the end in the browser, the customer is still on the portal.
      await page.goto(url)
      expect(new URL(page.url()).origin).toBe(origin)
    }
    await context.close()
  })
})

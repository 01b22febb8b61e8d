import fs from "node:fs"
import type { Page } from "playwright-core"
import { browserForSpec, customerIdOf, e2eInfo, newContext, portalLinkFor, signInAs, visible } from "./browser"

jest.setTimeout(420_000)

const info = e2eInfo()
const browser = browserForSpec(info)
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8")

/** axe-core's WCAG 2.1 A and AA rules on the page as it stands: each violation with the elements it found. */
async function violations(page: Page): Promise<string[]> {
  // Evaluated through the browser's debugging protocol, so the page's own script policy does not block it.
  await page.evaluate(AXE)
  const result = await page.evaluate(() =>
    (window as any).axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
  )
  return (result.violations as any[]).map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n: any) => n.target.join(" ")).join(", ")}`
  )
}

describe("accessibility (axe-core, WCAG 2.1 AA)", () => {
  for (const locale of ["en", "ar"] as const) {
    it(`finds no violations on any portal page in ${locale === "en" ? "English" : "Arabic"}`, async () => {
      const found: Record<string, string[]> = {}
      const check = async (page: Page, name: string) => {
        await page.waitForLoadState("networkidle")
        const list = await violations(page)
        if (list.length) found[name] = list
      }

      // Signed out: the static login page.
      const visitor = await (await newContext(browser(), info, { locale: locale === "ar" ? "ar" : "en-US" })).newPage()
      await visitor.goto(info.static_login_links[locale])
      await visible(visitor.getByRole("heading", { level: 1 }))
      await check(visitor, "login")
      await visitor.context().close()

      // A link handed over: its page (naming the account), and the overview saying purchases may be hidden.
      const handed = await (await newContext(browser(), info, { locale: locale === "ar" ? "ar" : "en-US" })).newPage()
      await handed.goto(await portalLinkFor(info, await customerIdOf(info, "layla@example.com"), locale))
      await visible(handed.getByRole("heading", { level: 1 }))
      await check(handed, "access link")
      await handed.getByRole("button", { name: locale === "ar" ? "المتابعة إلى بوابتك" : "Continue to your portal" }).click()
      await visible(handed.getByRole("region", { name: locale === "ar" ? "قد تكون بعض المشتريات مخفية" : "Some purchases may be hidden" }))
      await check(handed, "overview with purchases hidden")
      await handed.context().close()

      // A link page opened without its token.
      const incomplete = await (await newContext(browser(), info, { locale: locale === "ar" ? "ar" : "en-US" })).newPage()
      await incomplete.goto(`${info.storefront_url}/${locale}/portal/access`)
      await visible(incomplete.getByRole("link", { name: locale === "ar" ? "طلب رابط تسجيل دخول جديد" : "Request a new sign-in link" }))
      await check(incomplete, "incomplete link")
      await incomplete.context().close()

      const page = await signInAs(browser(), info, "layla@example.com", locale)
      await check(page, "overview")
      for (const [name, path, detail] of [
        ["billing", "billing", /\/billing\/(?!export)[^/]+$/],
        ["subscriptions", "subscriptions", /\/subscriptions\/[^/]+$/],
        ["license keys", "license-keys", /\/license-keys\/[^/]+$/],
        ["profile", "profile", null],
      ] as const) {
        await page.goto(`${info.storefront_url}/${locale}/portal/${path}`)
        await visible(page.getByRole("heading", { level: 1 }))
        await check(page, name)
        if (detail) {
          const href = await page.locator("main a").evaluateAll((links, pattern) => {
            const re = new RegExp(pattern)
            return (links as HTMLAnchorElement[]).map((a) => a.getAttribute("href") ?? "").find((h) => re.test(h)) ?? null
          }, detail.source)
          if (href) {
            await page.goto(new URL(href, info.storefront_url).toString())
            await visible(page.getByRole("heading", { level: 1 }))
            await check(page, `${name} detail`)
          }
        }
      }
      await page.context().close()
      expect(found).toEqual({})
    })
  }
})

import fs from "node:fs"
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core"
import { linkIn, readOutbox, waitForEmails } from "../helpers/outbox"

export type E2eInfo = {
  backend_url: string
  admin_url: string
  storefront_url: string
  static_login_links: { en: string; ar: string }
  business_id: string
  admin: { email: string; password: string }
  customers: string[]
  emails_folder: string
  chromium: string
  server_log: string
}

/** What `npm test` (scripts/test.mjs) started for the browser tests. */
export function e2eInfo(): E2eInfo {
  const file = process.env.E2E_INFO
  if (!file) throw new Error("E2E_INFO is not set: run the browser tests with `npm test -- e2e`.")
  return JSON.parse(fs.readFileSync(file, "utf8"))
}

export async function launch(info: E2eInfo): Promise<Browser> {
  return chromium.launch({
    executablePath: info.chromium,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  })
}

/** One browser for a spec file, launched before its tests and closed after them: call it for the browser. */
export function browserForSpec(info: E2eInfo): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launch(info)
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => browser!
}

/** Waits until the element shows (pages render on the server and may take a while on a busy machine). */
export const visible = (locator: Locator) => locator.waitFor({ state: "visible", timeout: 60_000 })

export type ContextOptions = { locale?: string; userAgent?: string; extraHTTPHeaders?: Record<string, string> }

let device = 0

/**
 * A browser context as one device of one person: its own address (as a proxy in front of the
 * storefront would name it in `X-Forwarded-For`), so the per-address limits count each device,
 * not the whole test run.
 */
export async function newContext(browser: Browser, info: E2eInfo, options: ContextOptions = {}): Promise<BrowserContext> {
  device++
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: options.locale ?? "en-US",
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    extraHTTPHeaders: { "x-forwarded-for": `192.0.2.${(process.pid + device) % 250}`, ...(options.extraHTTPHeaders ?? {}) },
  })
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: info.backend_url })
  return context
}

/** An admin's bearer headers for the backend's admin API. */
export async function adminHeaders(info: E2eInfo): Promise<Record<string, string>> {
  const auth = await fetch(`${info.backend_url}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(info.admin),
  }).then((r) => r.json())
  return { authorization: `Bearer ${auth.token}`, "content-type": "application/json" }
}

/** The one-time portal link of a customer record: handed over (as "Create link" gives it), or emailed and read from the outbox. */
export async function portalLinkFor(info: E2eInfo, customerId: string, locale: "en" | "ar", emailedTo?: string): Promise<string> {
  const headers = await adminHeaders(info)
  const before = emailedTo ? readOutbox(info.emails_folder).filter((e) => e.to === emailedTo).length : 0
  const { portal_session } = await fetch(`${info.backend_url}/admin/customers/${customerId}/portal-sessions`, {
    method: "POST",
    headers,
    body: JSON.stringify({ locale, send_email: !!emailedTo }),
  }).then((r) => r.json())
  if (!emailedTo) return portal_session.link
  const emails = await waitForEmails(info.emails_folder, emailedTo, before + 1, 30_000)
  return linkIn(emails[emails.length - 1])
}

/** The id of the customer record with this address: the account, or with `guest` the guest record. */
export async function customerIdOf(info: E2eInfo, email: string, guest = false): Promise<string> {
  const { customers } = await fetch(`${info.backend_url}/admin/customers?q=${encodeURIComponent(email)}&has_account=${guest ? "false" : "true"}`, {
    headers: await adminHeaders(info),
  }).then((r) => r.json())
  return customers[0].id
}

/**
 * Signs a customer in the way the store's "Create and email link" does (Share invite → the email
 * → open the link → continue), so the session has proven the address, and lands on the portal
 * overview.
 */
export async function signInAs(
  browser: Browser,
  info: E2eInfo,
  email: string,
  locale: "en" | "ar" = "en",
  options: Omit<ContextOptions, "locale"> & { guest?: boolean } = {}
): Promise<Page> {
  const { guest, ...context } = options
  const link = await portalLinkFor(info, await customerIdOf(info, email, guest), locale, email)
  const page = await (await newContext(browser, info, { ...context, locale: locale === "ar" ? "ar" : "en-US" })).newPage()
  await page.goto(link)
  await page.getByRole("button", { name: locale === "ar" ? "المتابعة إلى بوابتك" : "Continue to your portal" }).click()
  await page.waitForURL(new RegExp(`/${locale}/portal$`), { timeout: 60_000 })
  return page
}

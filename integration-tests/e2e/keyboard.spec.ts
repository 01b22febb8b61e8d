import fs from "node:fs"
import { unzipSync } from "fflate"
import { Client } from "pg"
import type { Locator, Page } from "playwright-core"
import { linkIn, readOutbox } from "../helpers/outbox"
import { waitFor } from "../helpers/wait"
import { browserForSpec, e2eInfo, newContext, portalLinkFor, visible, type E2eInfo } from "./browser"

jest.setTimeout(300_000)

const info = e2eInfo() as E2eInfo & { publishable_key: string; database_url: string }
const browser = browserForSpec(info)

// A customer of this spec alone, who buys through the store API below: the seeded customers'
// subscriptions and keys are changed by the other browser tests, in whatever order they run.
const CUSTOMER = { email: `kai.${Date.now().toString(36)}@example.com`, first_name: "Kai", last_name: "Tabor", password: "keyboard-only-1" }
const MONTHLY = "Northwind Pro · Monthly"
const YEARLY = "Northwind Pro · Yearly"
const DESKTOP = "Northwind Desktop"

type Call = { method?: string; body?: unknown; token?: string; admin?: boolean }

let adminToken: Promise<string> | undefined

/** The backend's JSON answer; anything but a 2xx fails the test with the backend's message. */
async function api(path: string, { method = "GET", body, token, admin }: Call = {}): Promise<any> {
  const bearer = admin ? await (adminToken ??= signInAdmin()) : token
  const res = await fetch(`${info.backend_url}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      "x-publishable-api-key": info.publishable_key,
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const data = await res.json().catch(() => null)
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(data)}`)
  return data
}

async function signInAdmin(): Promise<string> {
  const { token } = await api("/auth/user/emailpass", { method: "POST", body: info.admin })
  return token
}

const until = <T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000) => waitFor(read, done, timeoutMs, what)

let customerId: string
let subscriptionIds: { monthly: string; yearly: string }

/**
 * The customer registers and checks out as a storefront does — the monthly and yearly plans and
 * the desktop app in one cart, paid with a saved test card — and the payment is captured. Their
 * yearly plan is then put on hold as a failed renewal leaves it: renewals only run on the job's
 * schedule, and no API puts a subscription on hold.
 */
beforeAll(async () => {
  const { token: registration } = await api("/auth/customer/emailpass/register", {
    method: "POST",
    body: { email: CUSTOMER.email, password: CUSTOMER.password },
  })
  const { customer } = await api("/store/customers", {
    method: "POST",
    token: registration,
    body: { email: CUSTOMER.email, first_name: CUSTOMER.first_name, last_name: CUSTOMER.last_name },
  })
  customerId = customer.id
  const { token } = await api("/auth/customer/emailpass", { method: "POST", body: { email: CUSTOMER.email, password: CUSTOMER.password } })

  const { regions } = await api("/store/regions")
  const region = regions.find((r: any) => r.currency_code === "usd")
  const { products } = await api("/store/products?fields=id,*variants&limit=50")
  const variant = (sku: string) => products.flatMap((p: any) => p.variants).find((v: any) => v.sku === sku).id
  const { card } = await api("/store/test-cards", {
    method: "POST",
    body: { number: "4242424242424242", exp_month: 12, exp_year: new Date().getUTCFullYear() + 3 },
  })
  const { cart } = await api("/store/carts", {
    method: "POST",
    token,
    body: {
      region_id: region.id,
      email: CUSTOMER.email,
      billing_address: { country_code: "us" },
      items: ["NW-PRO-MONTHLY", "NW-PRO-YEARLY", "NW-DESKTOP-1"].map((sku) => ({ variant_id: variant(sku), quantity: 1 })),
    },
  })
  const { payment_collection } = await api("/store/payment-collections", { method: "POST", token, body: { cart_id: cart.id } })
  await api(`/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    method: "POST",
    token,
    body: { provider_id: "pp_test-card_test", data: { payment_method_id: card.id, save_payment_method: true } },
  })
  const completed = await api(`/store/carts/${cart.id}/complete`, { method: "POST", token })
  expect(completed.type).toBe("order")
  const { order } = await api(`/admin/orders/${completed.order.id}?fields=id,*payment_collections.payments`, { admin: true })
  for (const payment of order.payment_collections.flatMap((c: any) => c.payments)) {
    await api(`/admin/payments/${payment.id}/capture`, { method: "POST", admin: true, body: {} })
  }

  // The order's subscriber starts the plans and issues the key after the answer.
  const { subscriptions } = await until(
    "the order's subscriptions",
    () => api(`/admin/customer-portal/subscriptions?customer_id=${customerId}`, { admin: true }),
    (r) => r.subscriptions.length === 2
  )
  await until(
    "the order's license key",
    () => api(`/admin/customer-portal/license-keys?customer_id=${customerId}`, { admin: true }),
    (r) => r.license_keys.length === 1
  )
  await until(
    "the order's invoice, paid",
    () => api(`/admin/customer-portal/invoices?customer_id=${customerId}`, { admin: true }),
    (r) => r.invoices.some((i: any) => i.status === "paid")
  )
  const byPlan = (title: string) => subscriptions.find((s: any) => s.plan_title === title).id
  subscriptionIds = { monthly: byPlan(MONTHLY), yearly: byPlan(YEARLY) }

  const db = new Client({ connectionString: info.database_url })
  await db.connect()
  try {
    const held = await db.query(
      `UPDATE subscription SET status = 'on_hold', on_hold_since = $2, next_renewal_at = NULL WHERE id = $1 AND status = 'active'`,
      [subscriptionIds.yearly, new Date()]
    )
    expect(held.rowCount).toBe(1)
  } finally {
    await db.end()
  }
})

const subscription = async (id: string) => (await api(`/admin/customer-portal/subscriptions/${id}`, { admin: true })).subscription

/** The focused element, described for a failure message. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return "the page itself"
    const name = el.getAttribute("aria-label") ?? (el as HTMLElement).innerText ?? ""
    return `<${el.tagName.toLowerCase()}> "${name.trim().replace(/\s+/g, " ").slice(0, 80)}"`
  })

const hasFocus = (target: Locator) => target.evaluate((el) => el === document.activeElement)

/** What draws a focus indicator on the element: a visible outline and its box shadow. */
const ringOf = (target: Locator) =>
  target.evaluate((el) => {
    const style = getComputedStyle(el)
    const transparent = /^(transparent|rgba\(.*,\s*0\))$/.test(style.outlineColor)
    const outline = style.outlineStyle === "none" || parseFloat(style.outlineWidth) === 0 || transparent ? "none" : `${style.outlineStyle} ${style.outlineColor}`
    return { outline, shadow: style.boxShadow }
  })

/**
 * Focus shows: the element has an outline or a box shadow, and not the one it had before it was
 * focused (a shadow it always has is no focus indicator).
 */
async function expectFocusRing(target: Locator, unfocused: { outline: string; shadow: string }) {
  const shows = (now: typeof unfocused) =>
    (now.outline !== "none" || now.shadow !== "none") && (now.outline !== unfocused.outline || now.shadow !== unfocused.shadow)
  const deadline = Date.now() + 2_000
  let now = await ringOf(target)
  // Medusa's controls fade their focus shadow in.
  while (!shows(now) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50))
    now = await ringOf(target)
  }
  expect({ target: String(target), focused: now, unfocused, shows: shows(now) }).toMatchObject({ shows: true })
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, failing after `max` presses; then
 * checks that the focus shows on it.
 */
async function tabTo(page: Page, target: Locator, { max = 40, back = false } = {}) {
  await visible(target)
  if (await hasFocus(target)) return
  const before = await ringOf(target)
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab")
    if (await hasFocus(target)) {
      await expectFocusRing(target, before)
      return
    }
  }
  throw new Error(`${max} × ${back ? "Shift+Tab" : "Tab"} did not reach ${target}; the focus is on ${await focused(page)}`)
}

/** Tab to the element, then press a key on it. */
async function press(page: Page, target: Locator, key: "Enter" | "Space" = "Enter", options?: Parameters<typeof tabTo>[2]) {
  await tabTo(page, target, options)
  await page.keyboard.press(key)
}

const portalNav = (page: Page) => page.getByRole("navigation", { name: "Customer portal" })

/** A portal section through the header's navigation: Tab to its link, Enter. */
async function openSection(page: Page, link: string, heading: string | RegExp) {
  const entry = portalNav(page).getByRole("link", { name: link, exact: true })
  await press(page, entry)
  await visible(page.getByRole("heading", { level: 1, name: heading }))
  await expect(entry.getAttribute("aria-current")).resolves.toBe("page")
}

/**
 * Opens the one-time link the store emails with "Create and email link" (as the customer would
 * from their mail) and continues into the portal with the keyboard.
 */
async function signIn(): Promise<Page> {
  const link = await portalLinkFor(info, customerId, "en", CUSTOMER.email)
  const page = await (await newContext(browser(), info)).newPage()
  await continueFrom(page, link)
  return page
}

async function continueFrom(page: Page, link: string) {
  await page.goto(link)
  await page.waitForLoadState("networkidle")
  await press(page, page.getByRole("button", { name: "Continue to your portal" }))
  await page.waitForURL(/\/en\/portal$/, { timeout: 60_000 })
  await visible(page.getByRole("heading", { level: 1, name: `Welcome, ${CUSTOMER.first_name}` }))
  await page.waitForLoadState("networkidle")
}

describe("the portal with the keyboard alone", () => {
  it("asks for a sign-in link on the login page, continues into the portal, and skips to the content", async () => {
    const page = await (await newContext(browser(), info)).newPage()
    await page.goto(info.static_login_links.en)
    await visible(page.getByRole("heading", { level: 1, name: "Sign in to your customer portal" }))
    await page.waitForLoadState("networkidle")

    await tabTo(page, page.getByLabel("Email address"))
    await page.keyboard.type(CUSTOMER.email)
    await page.keyboard.press("Enter")
    const answer = page.getByRole("status").filter({ hasText: "If this email has purchases here, a sign-in link is on its way." })
    await visible(answer)
    // The answer takes the focus, so the keyboard is where the news is.
    await expect(hasFocus(answer)).resolves.toBe(true)

    const email = await until(
      "the sign-in email",
      async () => readOutbox(info.emails_folder).filter((e) => e.to === CUSTOMER.email && e.template === "portal-sign-in"),
      (emails) => emails.length > 0,
      30_000
    )
    await continueFrom(page, linkIn(email[email.length - 1]))

    // From the top of a freshly loaded page, the first stop is the skip link, and it shows.
    await page.reload()
    await visible(page.getByRole("heading", { level: 1, name: `Welcome, ${CUSTOMER.first_name}` }))
    await page.keyboard.press("Tab")
    const skip = page.getByRole("link", { name: "Skip to content" })
    await expect(hasFocus(skip)).resolves.toBe(true)
    const box = await skip.boundingBox()
    expect(box!.width).toBeGreaterThan(20)
    expect(box!.height).toBeGreaterThan(10)
    await page.keyboard.press("Enter")
    const main = page.locator("main#content")
    await expect(hasFocus(main)).resolves.toBe(true)
    // The next stop is in the content, past the header's links.
    await page.keyboard.press("Tab")
    await expect(page.evaluate(() => !!document.activeElement?.closest("main"))).resolves.toBe(true)

    // Signing out is in the header, behind the content: back with Shift+Tab.
    await press(page, page.getByRole("button", { name: "Sign out" }), "Enter", { back: true })
    await page.waitForURL(/\/portal\/login\//, { timeout: 60_000 })
    await page.goto(`${info.storefront_url}/en/portal`)
    await visible(page.getByRole("heading", { level: 1 }))
    await expect(page.getByRole("heading", { name: /^Welcome/ }).count()).resolves.toBe(0)
    await page.context().close()
  })

  it("reaches every section from the portal's navigation", async () => {
    const page = await signIn()
    await openSection(page, "Subscriptions", "Subscriptions")
    await visible(page.getByRole("link", { name: `Manage ${MONTHLY}` }))
    await openSection(page, "License keys", "License keys")
    await visible(page.getByRole("link", { name: `Manage activations for ${DESKTOP}` }))
    await openSection(page, "Billing", "Billing history")
    await visible(page.getByRole("link", { name: /^View invoice INV-\d{6}$/ }).first())
    await openSection(page, "Profile", "Profile")
    await visible(page.getByLabel("First name"))
    await openSection(page, "Overview", `Welcome, ${CUSTOMER.first_name}`)
    // Back the other way: Shift+Tab reaches the navigation from the content too.
    await press(page, portalNav(page).getByRole("link", { name: "Billing", exact: true }), "Enter", { back: true })
    await visible(page.getByRole("heading", { level: 1, name: "Billing history" }))
    await page.context().close()
  })

  it("filters the invoices, downloads the CSV and the ZIP, opens an invoice and downloads its PDF", async () => {
    const page = await signIn()
    await openSection(page, "Billing", "Billing history")

    // Paid invoices only: the status picked with the arrow keys, the form sent from its button.
    const filters = page.getByRole("search", { name: "Filter invoices" })
    const status = filters.getByLabel("Status")
    await tabTo(page, status)
    await page.keyboard.press("ArrowDown")
    await page.keyboard.press("ArrowDown")
    await expect(status.inputValue()).resolves.toBe("paid")
    await press(page, filters.getByRole("button", { name: "Apply" }))
    await page.waitForURL(/[?&]status=paid/, { timeout: 60_000 })
    await visible(page.getByRole("heading", { level: 1, name: "Billing history" }))
    await page.waitForLoadState("networkidle")
    await expect(status.inputValue()).resolves.toBe("paid")
    const views = page.getByRole("link", { name: /^View invoice INV-\d{6}$/ })
    const rows = await views.count()
    expect(rows).toBeGreaterThan(0)
    const number = (await views.first().innerText()).match(/INV-\d{6}/)![0]

    await tabTo(page, page.getByRole("link", { name: "Download CSV" }))
    const csv = await download(page)
    expect(csv.name).toBe("billing-history.csv")
    expect(csv.bytes.toString("utf8")).toContain(number)
    await tabTo(page, page.getByRole("button", { name: "Download PDFs (ZIP)" }))
    const zip = await download(page)
    await visible(page.getByRole("status").getByText(/^Download ready/))
    const files = Object.keys(unzipSync(new Uint8Array(zip.bytes)))
    expect(files).toHaveLength(rows)
    expect(files).toContain(`${number}.pdf`)

    await press(page, page.getByRole("link", { name: `View invoice ${number}` }))
    await visible(page.getByRole("heading", { level: 1, name: `Invoice ${number}` }))
    await tabTo(page, page.getByRole("link", { name: "Download PDF" }))
    const pdf = await download(page)
    expect(pdf.name).toBe(`${number}.pdf`)
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-")
    await page.context().close()
  })

  it("cancels a subscription through its dialog (Escape keeps it), and undoes the cancellation", async () => {
    const page = await signIn()
    await openSection(page, "Subscriptions", "Subscriptions")
    await press(page, page.getByRole("link", { name: `Manage ${MONTHLY}` }))
    await visible(page.getByRole("heading", { level: 1, name: MONTHLY }))

    // The dialog takes the focus and keeps it; Escape closes it, nothing changes, and the focus is back on the button.
    const trigger = page.getByRole("button", { name: "Cancel subscription" })
    await press(page, trigger)
    const dialog = page.getByRole("dialog", { name: `Cancel ${MONTHLY}` })
    await visible(dialog)
    const inDialog = () => dialog.evaluate((d) => d.contains(document.activeElement))
    await expect(inDialog()).resolves.toBe(true)
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(i % 3 === 2 ? "Shift+Tab" : "Tab")
      expect({ press: i, inDialog: await inDialog() }).toEqual({ press: i, inDialog: true })
    }
    await page.keyboard.press("Escape")
    await dialog.waitFor({ state: "detached", timeout: 10_000 })
    await expect(hasFocus(trigger)).resolves.toBe(true)
    await expect(subscription(subscriptionIds.monthly)).resolves.toMatchObject({ status: "active", cancel_at_period_end: false })

    // For real: "At the end of the period", picked with the arrow keys; a reason; a comment.
    await page.keyboard.press("Enter")
    await visible(dialog)
    const periodEnd = dialog.getByRole("radio", { name: "At the end of the period" })
    await expect(hasFocus(periodEnd)).resolves.toBe(true)
    await expect(periodEnd.isChecked()).resolves.toBe(true)
    await page.keyboard.press("ArrowDown")
    await expect(dialog.getByRole("radio", { name: "Now" }).isChecked()).resolves.toBe(true)
    await page.keyboard.press("ArrowUp")
    await expect(periodEnd.isChecked()).resolves.toBe(true)
    const reason = dialog.getByLabel("Reason")
    await tabTo(page, reason)
    await page.keyboard.press("ArrowDown")
    await expect(reason.inputValue()).resolves.toBe("too_expensive")
    await tabTo(page, dialog.getByLabel("Comment"))
    await page.keyboard.type("Trying the yearly plan instead")
    await press(page, dialog.getByRole("button", { name: "Cancel subscription" }))
    const ends = page.getByRole("status").filter({ hasText: /^Your subscription will end on / })
    await visible(ends)
    await dialog.waitFor({ state: "detached", timeout: 10_000 })
    await expect(hasFocus(ends)).resolves.toBe(true)
    await expect(subscription(subscriptionIds.monthly)).resolves.toMatchObject({
      status: "active",
      cancel_at_period_end: true,
      cancellation_reason: "too_expensive",
      cancellation_comment: "Trying the yearly plan instead",
    })

    // "Undo cancellation" sits before the result: back with Shift+Tab.
    await press(page, page.getByRole("button", { name: "Undo cancellation" }), "Enter", { back: true })
    await visible(page.getByRole("status").filter({ hasText: "Your subscription will continue." }))
    await expect(subscription(subscriptionIds.monthly)).resolves.toMatchObject({ status: "active", cancel_at_period_end: false })
    await page.context().close()
  })

  it("types a new card for an on-hold subscription and confirms: paid and active again", async () => {
    const before = await subscription(subscriptionIds.yearly)
    expect(before.status).toBe("on_hold")
    const page = await signIn()
    // The overview's notice leads to the subscription.
    await press(page, page.getByRole("link", { name: `View subscription ${YEARLY}` }))
    await visible(page.getByRole("heading", { level: 1, name: YEARLY }))
    await press(page, page.getByRole("link", { name: "Update payment method" }))
    await visible(page.getByRole("heading", { level: 1, name: "Change payment method" }))

    // One stop for the radio group, on the card in use; the arrow keys move to "Add a new card".
    const choices = page.getByRole("group", { name: "Choose a payment method" })
    await tabTo(page, choices.getByRole("radio", { checked: true }))
    await expect(choices.getByRole("radio", { name: /card ending in 4242/ }).isChecked()).resolves.toBe(true)
    await page.keyboard.press("ArrowDown")
    const newCard = choices.getByRole("radio", { name: "Add a new card" })
    await expect(hasFocus(newCard)).resolves.toBe(true)
    await expect(newCard.isChecked()).resolves.toBe(true)

    await tabTo(page, page.getByLabel("Card number"))
    await page.keyboard.type("4242 4242 4242 4242")
    await tabTo(page, page.getByLabel("Expiry date"))
    await page.keyboard.type("12/35")
    await tabTo(page, page.getByLabel("Security code"))
    await page.keyboard.type("123")
    await press(page, page.getByRole("button", { name: /^(Pay .+ and confirm|Confirm changes)$/ }))

    await page.waitForURL(/\/payment-method\/confirmed\?invoice=/, { timeout: 60_000 })
    await visible(page.getByRole("heading", { level: 1, name: "Payment method updated" }))
    await visible(page.getByText(/^Your subscription is active again\./))
    const after = await subscription(subscriptionIds.yearly)
    expect(after).toMatchObject({ status: "active", on_hold_since: null, payment_method_last4: "4242" })
    expect(after.payment_method_id).not.toBe(before.payment_method_id)
    await page.context().close()
  })

  it("opens a license key, reveals and copies it, and frees a device through the confirmation dialog", async () => {
    const page = await signIn()
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(info.storefront_url).origin })
    await openSection(page, "License keys", "License keys")
    await press(page, page.getByRole("link", { name: `Manage activations for ${DESKTOP}` }))
    await visible(page.getByRole("heading", { level: 1, name: DESKTOP }))

    const value = page.locator("bdi[aria-live]")
    await expect(value.innerText()).resolves.toMatch(/•/)
    await press(page, page.getByRole("button", { name: `Reveal key for ${DESKTOP}` }))
    const hide = page.getByRole("button", { name: `Hide key for ${DESKTOP}` })
    await visible(hide)
    await expect(hasFocus(hide)).resolves.toBe(true)
    const key = await value.innerText()
    expect(key).toMatch(/^NWD(-[0-9A-HJKMNP-TV-Z]{5}){4}$/)

    await press(page, page.getByRole("button", { name: `Copy key for ${DESKTOP}` }), "Space")
    await visible(page.getByRole("status").filter({ hasText: "Copied" }))
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(key)

    // The copied key activates a device, which the customer then frees.
    const device = "Kai's keyboard laptop"
    const activated = await fetch(`${info.backend_url}/licenses/activate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // The demo's keys were bought with test money: test keys.
      body: JSON.stringify({ key, instance_name: device, mode: "test" }),
    })
    expect(activated.status).toBe(201)
    await page.reload()
    await page.waitForLoadState("networkidle")
    const deactivate = page.getByRole("button", { name: `Deactivate ${device}` })
    await press(page, deactivate)
    const dialog = page.getByRole("alertdialog", { name: `Deactivate ${device}?` })
    await visible(dialog)
    await expect(dialog.evaluate((d) => d.contains(document.activeElement))).resolves.toBe(true)
    await page.keyboard.press("Escape")
    await dialog.waitFor({ state: "detached", timeout: 10_000 })
    await expect(hasFocus(deactivate)).resolves.toBe(true)
    await expect(validate(key, device)).resolves.toMatchObject({ valid: true })

    await page.keyboard.press("Enter")
    await visible(dialog)
    await press(page, dialog.getByRole("button", { name: "Deactivate", exact: true }))
    await visible(page.getByText(`${device} is deactivated. You can use this activation on another device.`))
    await expect(validate(key, device)).resolves.toMatchObject({ valid: false, code: "not_activated" })
    await page.context().close()
  })

  it("edits the phone number and saves it, then switches to Arabic, right to left", async () => {
    const page = await signIn()
    await openSection(page, "Profile", "Profile")
    const phone = page.getByLabel("Phone number")
    await tabTo(page, phone)
    await page.keyboard.type("+971 50 765 4321")
    // Enter in a field sends its form.
    await page.keyboard.press("Enter")
    await visible(page.getByRole("status").filter({ hasText: "Your details are saved." }))
    await expect(api(`/admin/customers/${customerId}`, { admin: true })).resolves.toMatchObject({ customer: { phone: "+971507654321" } })
    await page.reload()
    await expect(phone.inputValue()).resolves.toBe("+971507654321")
    await page.waitForLoadState("networkidle")

    await press(page, page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "العربية" }))
    await page.waitForURL(/\/ar\/portal\/profile$/, { timeout: 60_000 })
    await visible(page.getByRole("heading", { level: 1, name: "الملف الشخصي" }))
    expect(await page.getAttribute("html", "dir")).toBe("rtl")
    expect(await page.getAttribute("html", "lang")).toBe("ar")
    // The keyboard still finds its way in the Arabic portal.
    await press(page, page.getByRole("navigation", { name: "بوابة العملاء" }).getByRole("link", { name: "الفواتير", exact: true }))
    await page.waitForURL(/\/ar\/portal\/billing$/, { timeout: 60_000 })
    expect(await page.getAttribute("html", "dir")).toBe("rtl")
    await page.context().close()
  })
})

/** Presses Enter on the focused control and waits for the file it downloads. */
async function download(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.keyboard.press("Enter")])
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) }
}

const validate = (key: string, instance_name: string) =>
  fetch(`${info.backend_url}/licenses/validate`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ key, instance_name, mode: "test" }),
  }).then((r) => r.json())

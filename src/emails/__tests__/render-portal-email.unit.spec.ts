import { EMAIL_COPY, EMAIL_LOCALES } from "../messages"
import { renderPortalEmail, type PortalEmailTemplate } from "../render-portal-email"

const base = {
  store: { name: "Acme <Labs>" },
  link: "https://shop.example/en/portal/access#t=abc",
  expires_at: new Date("2026-11-24T12:00:00Z"),
}

describe("portal emails", () => {
  it.each(Object.keys(EMAIL_COPY).flatMap((template) => EMAIL_LOCALES.map((locale) => [template, locale] as const)))(
    "%s in %s has a subject, the link and escaped store name",
    (template, locale) => {
      const email = renderPortalEmail({ ...base, template: template as PortalEmailTemplate, locale })
      expect(email.subject.length).toBeGreaterThan(5)
      expect(email.text).toContain(base.link)
      expect(email.html).toContain("Acme &lt;Labs&gt;")
      expect(email.html).not.toContain("Acme <Labs>")
      expect(email.html).toContain(`dir="${locale === "ar" ? "rtl" : "ltr"}"`)
      expect(email.text).not.toMatch(/undefined|null|NaN/)
    }
  )

  it("names the amount in the currency's minor units, the invoice and the next renewal", () => {
    const details = { plan_title: "Pro Monthly", amount: 2000, currency_code: "usd", invoice_number: "INV-0007", next_renewal_at: "2026-12-24T10:00:00Z" }
    const receipt = renderPortalEmail({ ...base, template: "subscription-payment-succeeded", locale: "en", details })
    expect(receipt.text).toContain("We received your payment of US$20.00 for invoice INV-0007 (Pro Monthly).")
    const active = renderPortalEmail({ ...base, template: "subscription-reactivated", locale: "en", details })
    expect(active.text).toContain("is active again and next renews on 24 December 2026.")
    const yen = renderPortalEmail({ ...base, template: "subscription-payment-succeeded", locale: "en", details: { amount: 3300, currency_code: "jpy" } })
    expect(yen.text).toContain("of JP¥3,300.")
    const arabic = renderPortalEmail({ ...base, template: "subscription-payment-succeeded", locale: "ar", details })
    expect(arabic.text).toContain("INV-0007")
    expect(arabic.text).toMatch(/بمبلغ .*US\$/)
  })
})

import { minorUnitsToDecimal } from "../lib/money"
import { EMAIL_COPY, type EmailFacts, type EmailLocale } from "./messages"

export type PortalEmailTemplate = keyof typeof EMAIL_COPY

export type PortalEmailInput = {
  template: PortalEmailTemplate
  locale: EmailLocale
  store: { name: string; logo_url?: string | null; accent_color?: string | null; support_email?: string | null }
  customer_name?: string | null
  link: string
  /** Null for a link that does not expire (the static sign-in page). */
  expires_at: Date | null
  /** What the email is about, when it names an amount, an invoice or a plan. */
  details?: EmailDetails | null
}

/** Raw facts for an email: amounts in minor units, dates as ISO strings; formatted per locale when rendered. */
export type EmailDetails = {
  plan_title?: string | null
  amount?: number | null
  currency_code?: string | null
  invoice_number?: string | null
  next_renewal_at?: string | null
  /** An email address the message is about (the new one, in an email-change notice). */
  email?: string | null
  /** The account the message is about, as its current address masked. */
  account?: string | null
}

function formatFacts(details: EmailDetails | null | undefined, locale: EmailLocale): EmailFacts {
  if (!details) return {}
  const tag = locale === "ar" ? "ar" : "en-GB"
  const facts: EmailFacts = {}
  if (details.plan_title) facts.plan = details.plan_title
  if (details.invoice_number) facts.invoice = details.invoice_number
  if (details.email) facts.email = details.email
  if (details.account) facts.account = details.account
  if (typeof details.amount === "number" && details.currency_code) {
    const code = details.currency_code.toUpperCase()
    const decimal = minorUnitsToDecimal(details.amount, code)
    const digits = decimal.includes(".") ? decimal.split(".")[1].length : 0
    facts.amount = new Intl.NumberFormat(tag, { style: "currency", currency: code, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
      Number(decimal)
    )
  }
  if (details.next_renewal_at) {
    facts.next_renewal = new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" }).format(new Date(details.next_renewal_at))
  }
  return facts
}

export type RenderedEmail = { subject: string; html: string; text: string }

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

function formatExpiry(date: Date, locale: EmailLocale): string {
  const formatted = new Intl.DateTimeFormat(locale === "ar" ? "ar" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(date)
  return locale === "ar" ? `في ${formatted} (UTC)` : `on ${formatted} UTC`
}

/**
 * Renders a portal email (HTML and plain text) in the customer's language,
 * with the store's name, logo and accent colour. Arabic is laid out right to
 * left. Every value that comes from data is escaped.
 */
export function renderPortalEmail(input: PortalEmailInput): RenderedEmail {
  const copy = EMAIL_COPY[input.template][input.locale]
  const dir = input.locale === "ar" ? "rtl" : "ltr"
  const align = dir === "rtl" ? "right" : "left"
  const accent = /^#[0-9a-fA-F]{6}$/.test(input.store.accent_color ?? "") ? input.store.accent_color! : "#111827"
  const store = input.store.name
  const expires = copy.expires(input.expires_at ? formatExpiry(input.expires_at, input.locale) : "")
  const body = copy.body(store, formatFacts(input.details, input.locale))
  const greeting = input.customer_name ? (input.locale === "ar" ? `مرحبًا ${input.customer_name}،` : `Hello ${input.customer_name},`) : null
  const support = input.store.support_email
    ? input.locale === "ar"
      ? `للمساعدة: ${input.store.support_email}`
      : `Need help? ${input.store.support_email}`
    : null

  const text = [greeting, copy.heading(store), "", body, "", `${copy.button}: ${input.link}`, "", expires, copy.ignore, support]
    .filter((line) => line !== null)
    .join("\n")

  const e = escapeHtml
  const html = `<!doctype html>
<html lang="${input.locale}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(copy.subject(store))}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:-apple-system,'Segoe UI',Tahoma,Arial,sans-serif;color:#18181b">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5;padding:24px 0">
<tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:12px;padding:32px;text-align:${align}" dir="${dir}">
<tr><td style="padding-bottom:24px;font-size:16px;font-weight:600">${
    input.store.logo_url ? `<img src="${e(input.store.logo_url)}" alt="${e(store)}" height="32" style="height:32px">` : e(store)
  }</td></tr>
${greeting ? `<tr><td style="font-size:15px;padding-bottom:8px">${e(greeting)}</td></tr>` : ""}
<tr><td style="font-size:20px;font-weight:600;padding-bottom:12px">${e(copy.heading(store))}</td></tr>
<tr><td style="font-size:15px;line-height:1.6;padding-bottom:24px">${e(body)}</td></tr>
<tr><td style="padding-bottom:24px"><a href="${e(input.link)}" style="display:inline-block;background:${accent};color:#ffffff;text-decoration:none;font-weight:600;padding:12px 20px;border-radius:8px">${e(copy.button)}</a></td></tr>
<tr><td style="font-size:13px;line-height:1.6;color:#52525b;padding-bottom:8px">${e(expires)}</td></tr>
<tr><td style="font-size:13px;line-height:1.6;color:#52525b;word-break:break-all;padding-bottom:16px" dir="ltr">${e(input.link)}</td></tr>
<tr><td style="font-size:13px;line-height:1.6;color:#52525b">${e(copy.ignore)}${support ? `<br>${e(support)}` : ""}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`
  return { subject: copy.subject(store), html, text }
}

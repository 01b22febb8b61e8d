import { hasLocale } from "next-intl"
import { notFound } from "next/navigation"
import { routing } from "@/i18n/routing"
import { attachmentHeaders, discard, openPortalDownload } from "@/lib/portal/downloads"
import { seeOther } from "@/lib/portal/redirects"
import { getSessionToken } from "@/lib/portal/session"

type Context = { params: Promise<{ locale: string; id: string }> }

/** Loose on purpose: enough to keep slashes, dots and query text out of the backend's path. */
const INVOICE_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * One invoice as a PDF in the page's language, forwarded with the session token from the
 * httpOnly cookie (see `../../export/route.ts`). It is opened by a plain link, so every
 * failure sends the customer to a page that explains it.
 */
export async function GET(request: Request, { params }: Context) {
  const { locale, id } = await params
  if (!hasLocale(routing.locales, locale)) {
    notFound()
  }
  if (!INVOICE_ID.test(id)) {
    return seeOther(locale, "/portal/billing")
  }
  const token = await getSessionToken()
  if (!token) {
    return seeOther(locale, "/portal")
  }
  const upstream = await openPortalDownload(`/store/portal/invoices/${encodeURIComponent(id)}/pdf`, {
    token,
    query: { locale },
    signal: request.signal,
  })
  if (upstream?.status === 401) {
    await discard(upstream)
    return seeOther(locale, "/portal/session-expired")
  }
  if (!upstream?.ok || !upstream.body) {
    // The invoice page shows "not found" for someone else's invoice, and a failure in words otherwise.
    await discard(upstream)
    return seeOther(locale, `/portal/billing/${id}`)
  }
  return new Response(upstream.body, {
    headers: attachmentHeaders(upstream, "application/pdf", "invoice.pdf"),
  })
}

import { hasLocale } from "next-intl"
import { notFound } from "next/navigation"
import { routing } from "@/i18n/routing"
import { getPortalConfig } from "@/lib/portal/config"
import { seeOther } from "@/lib/portal/redirects"
import { getSessionToken } from "@/lib/portal/session"

type Context = { params: Promise<{ locale: string }> }

/**
 * The billing history as a CSV download. The session token lives in an
 * httpOnly cookie the browser cannot send to the backend itself, so this
 * handler forwards the request with it and streams the file back.
 */
export async function GET(request: Request, { params }: Context) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) {
    notFound()
  }
  const token = await getSessionToken()
  if (!token) {
    return seeOther(locale, "/portal")
  }
  const { backendUrl, publishableKey } = await getPortalConfig()
  const url = new URL("store/portal/exports/invoices", backendUrl.replace(/\/?$/, "/"))
  const asked = new URL(request.url).searchParams
  for (const key of ["status", "from", "to"]) {
    const value = asked.get(key)?.trim()
    if (value) url.searchParams.set(key, value)
  }
  const upstream = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, ...(publishableKey ? { "x-publishable-api-key": publishableKey } : {}) },
    cache: "no-store",
  }).catch(() => null)
  if (upstream?.status === 401) {
    return seeOther(locale, "/portal/session-expired")
  }
  if (!upstream?.ok || !upstream.body) {
    // The billing page explains a bad filter or an unreachable store in words.
    return seeOther(locale, "/portal/billing", asked)
  }
  return new Response(upstream.body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="billing-history.csv"',
      "cache-control": "private, no-store",
    },
  })
}

import { getPortalConfig } from "@/lib/portal/config"
import { getSessionToken } from "@/lib/portal/session"

type Context = { params: Promise<{ locale: string }> }

/**
 * The billing history as a CSV download. The session token lives in an
 * httpOnly cookie the browser cannot send to the backend itself, so this
 * handler forwards the request with it and streams the file back.
 */
export async function GET(request: Request, { params }: Context) {
  const { locale } = await params
  const token = await getSessionToken()
  const back = (path: string) => Response.redirect(new URL(`/${locale}/portal${path}`, request.url), 303)
  if (!token) {
    return back("")
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
    return back("/session-expired")
  }
  if (!upstream?.ok || !upstream.body) {
    // The billing page explains a bad filter or an unreachable store in words.
    return back(`/billing?${asked.toString()}`)
  }
  return new Response(upstream.body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="billing-history.csv"',
      "cache-control": "private, no-store",
    },
  })
}

import { isAppLocale } from "../../i18n/locales"
import { LINK_TOKEN, linkFragment, type LinkPage } from "./link-token"

/**
 * One path segment as `encodeURIComponent` writes it: no slash, no backslash, no query or
 * fragment, so a value put in it can never name another host or another part of the site.
 */
const SEGMENT = "[A-Za-z0-9_.!~*'()%-]{1,200}"

/** The portal pages a redirect may lead to, written as the app's hrefs are (without the locale). */
const PORTAL_PAGES: readonly RegExp[] = [
  /^\/portal$/,
  /^\/portal\/session-expired$/,
  /^\/portal\/billing$/,
  /^\/portal\/access$/,
  /^\/portal\/verify-email$/,
  new RegExp(`^/portal/billing/${SEGMENT}$`),
  new RegExp(`^/portal/login/${SEGMENT}$`),
  new RegExp(`^/portal/subscriptions/${SEGMENT}/payment-method/confirmed$`),
]

/** `.` and `..` match SEGMENT but move up the path; `%2e` is the same dot once decoded. */
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?=\/|$)/i

/**
 * Where to send a request inside the portal: `/<locale><path>[?query]`, a path on this origin,
 * or null when the locale is not one of the portal's or the path is not an allow-listed portal
 * page. The result is never made absolute against the request's URL, so no path segment a
 * visitor wrote can turn it into another site's address.
 */
export function portalPath(
  locale: string,
  path: string,
  query?: URLSearchParams | Record<string, string>
): string | null {
  if (!isAppLocale(locale) || DOT_SEGMENT.test(path) || !PORTAL_PAGES.some((page) => page.test(path))) {
    return null
  }
  const search = new URLSearchParams(query).toString()
  return `/${locale}${path}${search ? `?${search}` : ""}`
}

/**
 * A route handler's answer that sends the browser on to a portal page (303, so a download
 * link's GET stays a GET), or a plain 404 when `portalPath` refuses the target.
 */
export function seeOther(locale: string, path: string, query?: URLSearchParams | Record<string, string>): Response {
  const target = portalPath(locale, path, query)
  if (!target) {
    return new Response(null, { status: 404, headers: { "cache-control": "private, no-store" } })
  }
  return new Response(null, { status: 303, headers: { location: target, "cache-control": "private, no-store" } })
}

/**
 * Where a link of the earlier form, with its token in the path (`/<locale>/portal/access/<token>`),
 * goes on to: the same page with the token in the fragment (`#t=<token>`), which the page reads.
 * A token that is not one (cut short, changed) is left out, and the page says the link is
 * incomplete; an unknown locale is a 404. Nothing of the request but the locale and a token of
 * the exact shape reaches the Location, so it can name no other page or host.
 */
export function seeLinkPage(locale: string, page: LinkPage, token: string): Response {
  const target = portalPath(locale, page)
  if (!target) {
    return new Response(null, { status: 404, headers: { "cache-control": "private, no-store" } })
  }
  const location = LINK_TOKEN.test(token) ? `${target}${linkFragment(token)}` : target
  return new Response(null, { status: 303, headers: { location, "cache-control": "private, no-store", "referrer-policy": "no-referrer" } })
}

import type { ResolvedPortalOptions } from "../modules/customer-portal/options"

export type PortalMode = "test" | "live"

export const PORTAL_LOCALES = ["en", "ar"] as const
export type PortalLocale = (typeof PORTAL_LOCALES)[number]

export function portalLocale(value: unknown, fallback: PortalLocale = "en"): PortalLocale {
  return PORTAL_LOCALES.includes(value as PortalLocale) ? (value as PortalLocale) : fallback
}

/*
 * Portal URLs are built only from the configured storefront URL, never from
 * the request (Host, X-Forwarded-Host), so a forged header cannot send a link
 * to another site.
 */

export function staticLoginUrl(
  options: ResolvedPortalOptions,
  portal: { business_id: string; default_locale: string },
  mode: PortalMode,
  locale: string = portal.default_locale
): string {
  // The test form says so in the URL, so the two forms differ even when both modes share a host.
  const query = mode === "test" ? "?mode=test" : ""
  return `${options.storefrontUrl[mode]}/${portalLocale(locale)}/portal/login/${encodeURIComponent(portal.business_id)}${query}`
}

/** The name of the fragment parameter that carries a link's token: `#t=<token>`. */
export const LINK_TOKEN_PARAM = "t"

/** The storefront pages a one-time link opens. */
export type LinkPage = "access" | "verify-email"

/**
 * A one-time link: `<storefront>/<locale>/portal/<page>#t=<token>`. The token is in the
 * fragment, which a browser never sends: no access log, proxy or Referer of any request sees
 * it. The page reads it, and posts it only when the customer presses its button (opening the
 * link, as email scanners do, never uses it).
 */
export function portalLinkUrl(options: ResolvedPortalOptions, mode: PortalMode, locale: string, page: LinkPage, token: string): string {
  return `${options.storefrontUrl[mode]}/${portalLocale(locale)}/portal/${page}#${LINK_TOKEN_PARAM}=${encodeURIComponent(token)}`
}

/** Where a sign-in link lands: a page that asks the customer to continue. */
export function portalAccessUrl(options: ResolvedPortalOptions, mode: PortalMode, locale: string, token: string): string {
  return portalLinkUrl(options, mode, locale, "access", token)
}

/** Where an email-change link lands: a page that says what it will do and asks first. */
export function emailChangeUrl(options: ResolvedPortalOptions, mode: PortalMode, locale: string, token: string): string {
  return portalLinkUrl(options, mode, locale, "verify-email", token)
}

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

/** Where a one-time link lands: a page that asks the customer to continue (the GET never consumes it). */
export function portalAccessUrl(options: ResolvedPortalOptions, mode: PortalMode, locale: string, token: string): string {
  return `${options.storefrontUrl[mode]}/${portalLocale(locale)}/portal/access/${token}`
}

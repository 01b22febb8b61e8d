import type { ResolvedPortalOptions } from "../modules/customer-portal/options"

export type PortalMode = "test" | "live"

/**
 * Portal URLs are built only from the configured storefront URL, never from
 * the request (Host, X-Forwarded-Host), so a forged header cannot redirect a
 * link to another site.
 */
export function staticLoginUrl(
  options: ResolvedPortalOptions,
  portal: { business_id: string; default_locale: string },
  mode: PortalMode
): string {
  return `${options.storefrontUrl[mode]}/${portal.default_locale}/portal/login/${encodeURIComponent(portal.business_id)}`
}

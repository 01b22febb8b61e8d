import "server-only"

/**
 * Where a signed-out customer goes to sign in: the static login page of the configured
 * business, or the portal's entry page (which explains how to sign in) when none is configured.
 */
export function signInPath(businessId: string | undefined): string {
  return businessId ? `/portal/login/${encodeURIComponent(businessId)}` : "/portal"
}

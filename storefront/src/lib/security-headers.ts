/**
 * The headers every page of the portal is sent with. The policy allows
 * scripts only from this origin and with this response's nonce (Next.js puts
 * it on its own scripts), no framing anywhere, no plugins, forms only to this
 * origin; images may also come from the merchant's logo address.
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    // Development builds evaluate code for fast refresh; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https: http:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ")
}

/** The headers every response of the storefront carries, static files and 404s included. */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  // Sign-in and email links carry their token in the path; no page tells another site where the customer was.
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), usb=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
}

/**
 * The policy of a response the proxy does not see (a script, a font, a 404 for a file): it
 * loads nothing and nobody frames it. The proxy replaces it with the nonce policy on pages.
 */
export const BASELINE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"

/** Two years, subdomains too: once a browser has seen the portal over https, it never uses http. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains"

/** What the proxy adds to every portal page on top of the static set. */
export const SECURITY_HEADERS: Record<string, string> = {
  ...STATIC_SECURITY_HEADERS,
  // Every portal page is one customer's: never stored by a browser or a proxy.
  "Cache-Control": "no-store",
}

/**
 * `Strict-Transport-Security` for a response sent over https (`protocol` as a URL names it,
 * `https:`, or as `X-Forwarded-Proto` does, `https`); nothing over http, where browsers ignore
 * it and a developer's localhost must not be pinned to https.
 */
export function transportSecurityHeaders(protocol: string | null | undefined): Record<string, string> {
  const scheme = protocol?.split(",")[0]?.trim().replace(/:$/, "").toLowerCase()
  return scheme === "https" ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}
}

type HeaderRule = {
  source: string
  has?: { type: "header"; key: string; value: string }[]
  headers: { key: string; value: string }[]
}

/**
 * The rules `next.config.ts` sends for every path, so that responses the proxy skips (static
 * files, dotted paths it does not match) are covered too. HSTS follows the protocol the first
 * proxy in front of the storefront names in `X-Forwarded-Proto`, as Next.js itself does.
 */
export function staticHeaderRules(): HeaderRule[] {
  const headers = Object.entries({
    ...STATIC_SECURITY_HEADERS,
    "Content-Security-Policy": BASELINE_CONTENT_SECURITY_POLICY,
  }).map(([key, value]) => ({ key, value }))
  return [
    { source: "/:path*", headers },
    {
      source: "/:path*",
      has: [{ type: "header", key: "x-forwarded-proto", value: "(?:https|HTTPS)(?:\\s*,.*)?" }],
      headers: Object.entries(transportSecurityHeaders("https")).map(([key, value]) => ({ key, value })),
    },
  ]
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes))
}

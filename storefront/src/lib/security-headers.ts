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

export const SECURITY_HEADERS: Record<string, string> = {
  // Sign-in and email links carry their token in the path; no page tells another site where the customer was.
  "Referrer-Policy": "no-referrer",
  // Every portal page is one customer's: never stored by a browser or a proxy.
  "Cache-Control": "no-store",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), usb=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes))
}

import createMiddleware from "next-intl/middleware"
import { NextResponse, type NextRequest } from "next/server"
import { routing } from "./i18n/routing"
import { portalPath } from "./lib/portal/redirects"
import { contentSecurityPolicy, newNonce, SECURITY_HEADERS, transportSecurityHeaders } from "./lib/security-headers"

const intl = createMiddleware(routing)

export default function proxy(request: NextRequest) {
  const response =
    request.nextUrl.pathname === "/"
      ? NextResponse.redirect(new URL(portalPath(routing.defaultLocale, "/portal")!, request.nextUrl.origin))
      : withPolicy(request)
  // Next.js names the protocol from the TLS socket or the X-Forwarded-Proto of the proxy in front.
  const headers = { ...SECURITY_HEADERS, ...transportSecurityHeaders(request.nextUrl.protocol) }
  for (const [name, value] of Object.entries(headers)) {
    response.headers.set(name, value)
  }
  return response
}

/** The page, rendered with a fresh nonce: Next.js reads it from the request's policy and puts it on its scripts. */
function withPolicy(request: NextRequest) {
  const policy = contentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV !== "production" })
  request.headers.set("content-security-policy", policy)
  const response = intl(request)
  response.headers.set("Content-Security-Policy", policy)
  return response
}

export const config = {
  // Everything but Next's own files, API routes and the files at the root that are not pages;
  // a file put in `public/` belongs in this list. Dotted paths under a locale (`/en/portal/x.y`)
  // are pages like any other and get the nonce policy and `no-store`.
  matcher: "/((?!api/|_next/static/|_next/image|_vercel/|favicon\\.ico$|robots\\.txt$|sitemap\\.xml$).*)",
}

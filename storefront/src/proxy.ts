import createMiddleware from "next-intl/middleware"
import { NextResponse, type NextRequest } from "next/server"
import { routing } from "./i18n/routing"
import { contentSecurityPolicy, newNonce, SECURITY_HEADERS } from "./lib/security-headers"

const intl = createMiddleware(routing)

export default function proxy(request: NextRequest) {
  const response =
    request.nextUrl.pathname === "/"
      ? NextResponse.redirect(new URL(`/${routing.defaultLocale}/portal`, request.url))
      : withPolicy(request)
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
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
  // Everything except Next internals, API routes and files with an extension.
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
}

import "server-only"

import { cookies, headers } from "next/headers"

/**
 * The session cookie's name. Over https it is `__Host-` prefixed: the browser then keeps it only
 * when it is Secure, for path `/` and set by this host itself, so a sibling subdomain cannot
 * plant a session of its own choosing (cookie tossing). Plain http on this machine cannot use the
 * prefix, and uses the bare name.
 */
export const SESSION_COOKIE = "__Host-portal_session"
const LOCAL_SESSION_COOKIE = "portal_session"

const LOCAL_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]"])

async function sessionCookieName(): Promise<string> {
  return (await isSecureContext()) ? SESSION_COOKIE : LOCAL_SESSION_COOKIE
}

/** The portal session token of this request, if the customer has one. */
export async function getSessionToken(): Promise<string | undefined> {
  const value = (await cookies()).get(await sessionCookieName())?.value
  return value ? value : undefined
}

/** Only in a server action or route handler. The cookie lives as long as the session does. */
export async function setSessionCookie(token: string, expiresAt: string): Promise<void> {
  const expires = new Date(expiresAt)
  const store = await cookies()
  store.set(await sessionCookieName(), token, {
    ...(await cookieAttributes()),
    ...(Number.isNaN(expires.getTime()) ? {} : { expires }),
  })
}

/** Only in a server action or route handler. */
export async function clearSessionCookie(): Promise<void> {
  const store = await cookies()
  store.delete({ name: await sessionCookieName(), ...(await cookieAttributes()) })
}

async function cookieAttributes() {
  return {
    httpOnly: true,
    // Lax: the cookie still comes along when the customer follows a link from an email.
    sameSite: "lax" as const,
    path: "/",
    secure: await isSecureContext(),
  }
}

/**
 * `Secure` everywhere except plain http on this machine, where `next start` is tried out
 * without TLS. Behind a proxy the forwarded headers tell the original scheme and host.
 */
async function isSecureContext(): Promise<boolean> {
  const incoming = await headers()
  const proto = firstValue(incoming.get("x-forwarded-proto")) ?? "http"
  const host = firstValue(incoming.get("x-forwarded-host")) ?? incoming.get("host") ?? ""
  const hostname = host.replace(/:\d+$/, "").toLowerCase()
  return !(proto === "http" && LOCAL_HOSTNAMES.has(hostname))
}

function firstValue(header: string | null): string | undefined {
  const value = header?.split(",")[0]?.trim()
  return value ? value : undefined
}

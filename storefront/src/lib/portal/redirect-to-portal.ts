import "server-only"

import { notFound, redirect } from "next/navigation"
import { portalPath } from "./redirects"

/**
 * `redirect` for pages and server actions, to a target `portalPath` accepts; one it refuses
 * is answered with the not-found page, never followed.
 */
export function redirectToPortal(locale: string, path: string, query?: Record<string, string>): never {
  const target = portalPath(locale, path, query)
  if (!target) {
    notFound()
  }
  redirect(target)
}

import { hasLocale } from "next-intl"
import { notFound } from "next/navigation"
import { routing } from "@/i18n/routing"
import {
  clearSessionCookie,
  getMe,
  getPortalConfig,
  getSessionToken,
  isFetchError,
  signInPath,
} from "@/lib/portal"
import { seeOther } from "@/lib/portal/redirects"

type Context = { params: Promise<{ locale: string }> }

/**
 * Where the overview sends a customer whose session the backend refused (401): pages cannot
 * change cookies, route handlers can. The cookie is only cleared once the backend confirms the
 * session is over, so a link to this address cannot sign anyone out.
 */
export async function GET(_request: Request, { params }: Context) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) {
    notFound()
  }
  const token = await getSessionToken()

  let ended = !token
  if (token) {
    try {
      await getMe(token)
    } catch (error) {
      ended = isFetchError(error) && error.status === 401
    }
  }
  if (!ended) {
    return seeOther(locale, "/portal")
  }

  await clearSessionCookie()
  const { businessId } = await getPortalConfig()
  return seeOther(locale, signInPath(businessId))
}

import { hasLocale } from "next-intl"
import { redirect } from "@/i18n/navigation"
import { routing } from "@/i18n/routing"
import {
  clearSessionCookie,
  getMe,
  getPortalConfig,
  getSessionToken,
  isFetchError,
  signInPath,
} from "@/lib/portal"

type Context = { params: Promise<{ locale: string }> }

/**
 * Where the overview sends a customer whose session the backend refused (401): pages cannot
 * change cookies, route handlers can. The cookie is only cleared once the backend confirms the
 * session is over, so a link to this address cannot sign anyone out.
 */
export async function GET(_request: Request, { params }: Context) {
  const requested = (await params).locale
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale
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
    redirect({ href: "/portal", locale })
  }

  await clearSessionCookie()
  const { businessId } = await getPortalConfig()
  redirect({ href: signInPath(businessId), locale })
}

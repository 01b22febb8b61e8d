/**
 * One-time links carry their token in the URL's fragment, `…/portal/access#t=<token>`: a browser
 * never sends the fragment, so no access log, proxy or Referer of any request sees the token. The
 * page reads it in the browser and posts it only when the customer presses its button.
 */

/** A link's token: 43 URL-safe base64 characters (256 bits). */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/

/** The fragment parameter that carries it. */
export const LINK_TOKEN_PARAM = "t"

/** The pages a one-time link opens, written as the app's hrefs are (without the locale). */
export type LinkPage = "/portal/access" | "/portal/verify-email"

function fragmentParams(hash: string): URLSearchParams {
  return new URLSearchParams(hash.replace(/^#/, ""))
}

/** Whether a fragment is a link's (`t=` in it): others, such as a skip link's `#content`, are not. */
export function isLinkFragment(hash: string): boolean {
  return fragmentParams(hash).has(LINK_TOKEN_PARAM)
}

/** The token of a link's fragment, or null when it has none or one cut short or changed. */
export function tokenFromFragment(hash: string): string | null {
  const token = fragmentParams(hash).get(LINK_TOKEN_PARAM)
  return token && LINK_TOKEN.test(token) ? token : null
}

/** The fragment that carries `token`, with its `#`. */
export function linkFragment(token: string): string {
  return `#${LINK_TOKEN_PARAM}=${token}`
}

import { seeLinkPage } from "@/lib/portal/redirects"

type Context = { params: Promise<{ locale: string; token: string }> }

/**
 * Links of the earlier form, with the token in the path, that are still in mailboxes keep
 * working: the browser goes on to the same page with the token in the fragment, where it is read
 * and posted only by the page's button. Opening this uses nothing and logs nothing.
 */
export async function GET(_request: Request, { params }: Context) {
  const { locale, token } = await params
  return seeLinkPage(locale, "/portal/verify-email", token)
}

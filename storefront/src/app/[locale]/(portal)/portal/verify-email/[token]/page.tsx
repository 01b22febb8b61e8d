import type { Metadata } from "next"
import { EmailVerificationPanel, type EmailChangeLinkPreview } from "@/components/portal/email-verification-panel"
import { PortalShell } from "@/components/portal/portal-shell"
import { getBusiness, getPortalConfig, lookUpLink, signInPath } from "@/lib/portal"
import { confirmEmailChangeAction } from "../../actions"

// The token is in the URL: no Referer may carry it away (next.config.ts sends the header too).
export const metadata: Metadata = {
  referrer: "no-referrer",
  robots: { index: false, follow: false },
}

type Props = { params: Promise<{ locale: string; token: string }> }

/**
 * The page the links of an email change open (P4): the current address confirming it, the new
 * address, or the old one undoing it. Email scanners open links too, so rendering it (GET or
 * HEAD) only reads what the link will do; only the button's POST uses it. No session is needed,
 * so it works in any browser the customer opens it in.
 */
export default async function VerifyEmailPage({ params }: Props) {
  const { token } = await params
  const { businessId } = await getPortalConfig()
  const [business, preview] = await Promise.all([businessId ? getBusiness(businessId) : null, readPreview(token)])

  return (
    <PortalShell business={business}>
      <EmailVerificationPanel action={confirmEmailChangeAction} token={token} preview={preview} signInHref={signInPath(businessId)} />
    </PortalShell>
  )
}

/** What the link will do, or null when it cannot be used (unknown, used, expired, or not an email change). */
async function readPreview(token: string): Promise<EmailChangeLinkPreview | null> {
  const found = await lookUpLink(token)
  if (found.status === "unreachable") return { purpose: "email_change", email: null, newEmail: null }
  if (found.status === "unusable") return null
  const { purpose, email, new_email } = found.link
  if (purpose !== "email_change_authorize" && purpose !== "email_change" && purpose !== "email_change_undo") return null
  return { purpose, email, newEmail: new_email }
}

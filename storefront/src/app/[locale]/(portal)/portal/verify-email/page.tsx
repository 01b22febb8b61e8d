import type { Metadata } from "next"
import { EmailVerificationEntry } from "@/components/portal/email-verification-entry"
import { PortalShell } from "@/components/portal/portal-shell"
import { getBusiness, getPortalConfig, signInPath } from "@/lib/portal"
import { confirmEmailChangeAction, previewEmailChangeLinkAction } from "../actions"

// The token is only in the fragment, which no request carries; no Referer leaves the page either way.
export const metadata: Metadata = {
  referrer: "no-referrer",
  robots: { index: false, follow: false },
}

/**
 * The page the links of an email change open (P4), `…/portal/verify-email#t=<token>`: the
 * current address confirming it, the new address, or the old one undoing it. The server never
 * sees the token: the page reads it from the fragment, then asks what the link will do without
 * using it; only the button's POST uses it. No session is needed, so it works in any browser the
 * customer opens it in.
 */
export default async function VerifyEmailPage() {
  const { businessId } = await getPortalConfig()
  const business = businessId ? await getBusiness(businessId) : null

  return (
    <PortalShell business={business}>
      <EmailVerificationEntry confirmAction={confirmEmailChangeAction} previewAction={previewEmailChangeLinkAction} signInHref={signInPath(businessId)} />
    </PortalShell>
  )
}

import type { Metadata } from "next"
import { EmailVerificationPanel } from "@/components/portal/email-verification-panel"
import { PortalShell } from "@/components/portal/portal-shell"
import { getBusiness, getPortalConfig } from "@/lib/portal"
import { confirmEmailChangeAction } from "../../actions"

// The token is in the URL: no Referer may carry it away (next.config.ts sends the header too).
export const metadata: Metadata = {
  referrer: "no-referrer",
  robots: { index: false, follow: false },
}

type Props = { params: Promise<{ locale: string; token: string }> }

/**
 * The page the link sent to a new email address opens (P4). Email scanners open links too, so
 * rendering it (GET or HEAD) never sends the token anywhere: only the "Confirm new email address"
 * POST uses it. No session is needed, so it works in any browser the customer opens it in.
 */
export default async function VerifyEmailPage({ params }: Props) {
  const { token } = await params
  const { businessId } = await getPortalConfig()
  const business = businessId ? await getBusiness(businessId) : null

  return (
    <PortalShell business={business}>
      <EmailVerificationPanel action={confirmEmailChangeAction} token={token} />
    </PortalShell>
  )
}

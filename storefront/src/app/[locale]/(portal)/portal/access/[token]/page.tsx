import type { Metadata } from "next"
import { AccessLinkPanel, type AccessLinkPreview } from "@/components/portal/access-link-panel"
import { PortalShell } from "@/components/portal/portal-shell"
import { getBusiness, getPortalConfig, getSessionToken, lookUpLink, signInPath } from "@/lib/portal"
import { redeemLinkAction } from "../../actions"

// The token is in the URL: no Referer may carry it away (next.config.ts sends the header too).
export const metadata: Metadata = {
  referrer: "no-referrer",
  robots: { index: false, follow: false },
}

type Props = { params: Promise<{ locale: string; token: string }> }

/**
 * The page a one-time link opens (A3). Email scanners open links too, so rendering it (GET or
 * HEAD) only reads what the link will do — whom it signs in, and whether someone else is signed in
 * in this browser — and never uses it: only the "Continue" POST redeems it.
 */
export default async function AccessPage({ params }: Props) {
  const { token } = await params
  const { businessId } = await getPortalConfig()
  const [business, preview] = await Promise.all([businessId ? getBusiness(businessId) : null, readPreview(token)])

  return (
    <PortalShell business={business}>
      <AccessLinkPanel
        action={redeemLinkAction}
        token={token}
        storeName={business?.name ?? null}
        requestLinkHref={signInPath(businessId)}
        preview={preview}
      />
    </PortalShell>
  )
}

/** What the link will do, or null when it cannot be used (unknown, used, expired, or not a sign-in link). */
async function readPreview(token: string): Promise<AccessLinkPreview | null> {
  const found = await lookUpLink(token, await getSessionToken())
  if (found.status === "unreachable") return { confirmsEmail: false, email: null, otherSignedIn: null }
  if (found.status === "unusable" || found.link.purpose.startsWith("email_change")) return null
  return {
    confirmsEmail: found.link.purpose === "confirm_email",
    email: found.link.email,
    otherSignedIn: found.signed_in && !found.signed_in.same_customer ? found.signed_in.email : null,
  }
}

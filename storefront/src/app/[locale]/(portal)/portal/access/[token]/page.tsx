import type { Metadata } from "next"
import { AccessLinkPanel } from "@/components/portal/access-link-panel"
import { PortalShell } from "@/components/portal/portal-shell"
import { getBusiness, getPortalConfig, signInPath } from "@/lib/portal"
import { redeemLinkAction } from "../../actions"

// The token is in the URL: no Referer may carry it away (next.config.ts sends the header too).
export const metadata: Metadata = {
  referrer: "no-referrer",
  robots: { index: false, follow: false },
}

type Props = { params: Promise<{ locale: string; token: string }> }

/**
 * The page a one-time link opens (A3). Email scanners open links too, so rendering it (GET or
 * HEAD) never sends the token anywhere: only the "Continue" POST redeems it.
 */
export default async function AccessPage({ params }: Props) {
  const { token } = await params
  const { businessId } = await getPortalConfig()
  const business = businessId ? await getBusiness(businessId) : null

  return (
    <PortalShell business={business}>
      <AccessLinkPanel
        action={redeemLinkAction}
        token={token}
        storeName={business?.name ?? null}
        requestLinkHref={signInPath(businessId)}
      />
    </PortalShell>
  )
}

import type { Metadata } from "next"
import { AccessLinkEntry } from "@/components/portal/access-link-entry"
import { PortalShell } from "@/components/portal/portal-shell"
import { getBusiness, getPortalConfig, signInPath } from "@/lib/portal"
import { previewAccessLinkAction, redeemLinkAction } from "../actions"

// The token is only in the fragment, which no request carries; no Referer leaves the page either way.
export const metadata: Metadata = {
  referrer: "no-referrer",
  robots: { index: false, follow: false },
}

/**
 * The page a one-time link opens (A3), `…/portal/access#t=<token>`. The server never sees the
 * token: the page reads it from the fragment in the browser, then asks what the link will do
 * (whom it signs in, and whether someone else is signed in in this browser) without using it.
 * Email scanners open links too: only the "Continue" POST redeems it.
 */
export default async function AccessPage() {
  const { businessId } = await getPortalConfig()
  const business = businessId ? await getBusiness(businessId) : null

  return (
    <PortalShell business={business}>
      <AccessLinkEntry
        redeemAction={redeemLinkAction}
        previewAction={previewAccessLinkAction}
        storeName={business?.name ?? null}
        requestLinkHref={signInPath(businessId)}
      />
    </PortalShell>
  )
}

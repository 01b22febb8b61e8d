import type { ReactNode } from "react"
import { requestEmailConfirmationAction } from "@/app/[locale]/(portal)/portal/actions"
import { getMe, getSessionToken } from "@/lib/portal"
import type { PortalBusiness } from "@/lib/portal/types"
import { EmailConfirmationNotice } from "./email-confirmation-notice"
import { PortalHeader } from "./portal-header"
import { PortalNav } from "./portal-nav"
import { SignOutButton } from "./sign-out-button"
import { TestModeBanner } from "./test-mode-banner"

type Props = {
  /** The store whose branding and mode the page shows; `null` gives a neutral portal. */
  business: PortalBusiness | null
  testMode?: boolean
  /** Given on signed-in pages: the header then carries the portal navigation and "Sign out". */
  signOutAction?: () => Promise<void>
  children: ReactNode
}

/**
 * Banner, header and main region of a portal page. Pages render it themselves (not the layout)
 * because the static login page shows the business of its URL, not the configured one. A
 * signed-in page also says when purchases made with the customer's address may be hidden (see
 * `EmailConfirmationNotice`); the session comes from the same cached `getMe` the page used.
 */
export async function PortalShell({
  business,
  testMode = business?.mode === "test",
  signOutAction,
  children,
}: Props) {
  const unconfirmed = signOutAction ? await emailUnconfirmed() : false
  return (
    <>
      {testMode && <TestModeBanner />}
      <PortalHeader business={business}>
        {signOutAction && (
          <>
            <PortalNav />
            <SignOutButton action={signOutAction} />
          </>
        )}
      </PortalHeader>
      <main
        id="content"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 outline-none sm:px-6 sm:py-12"
      >
        {unconfirmed && <EmailConfirmationNotice action={requestEmailConfirmationAction} />}
        {children}
      </main>
    </>
  )
}

/** Whether the signed-in session has not shown it holds the customer's address; false when that cannot be told. */
async function emailUnconfirmed(): Promise<boolean> {
  const token = await getSessionToken()
  if (!token) return false
  const me = await getMe(token).catch(() => null)
  return me?.identity?.email_confirmed === false
}

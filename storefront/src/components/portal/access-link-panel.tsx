"use client"

import { Alert, Button, Heading, Text } from "@medusajs/ui"
import { useTranslations } from "next-intl"
import { useActionState, useEffect, useRef, type ReactNode } from "react"
import { Link } from "@/i18n/navigation"
import type { PortalFailure } from "@/lib/portal/types"
import { FailureMessage } from "./failure-message"

export type AccessLinkState =
  | { status: "ready" }
  | { status: "expired" }
  | { status: "failed"; failure: PortalFailure }

/** What the link will do, read without using it: whom it signs in (masked), and who is signed in here now. */
export type AccessLinkPreview = {
  /** A link that confirms the address for the session that asked for it, rather than a plain sign-in. */
  confirmsEmail: boolean
  /** The address of the account it signs into, masked (`n•••@example.com`). */
  email: string | null
  /** Another customer signed in in this browser (masked), whom continuing signs out. */
  otherSignedIn: string | null
}

type Props = {
  action: (state: AccessLinkState, formData: FormData) => Promise<AccessLinkState>
  token: string
  storeName: string | null
  /** Where a new link is requested: the static login page, or the portal's entry page. */
  requestLinkHref: string
  /** Null when the link cannot be used any more: the page says so at once. */
  preview: AccessLinkPreview | null
}

const HEADING_ID = "access-link-heading"

/** An address keeps its order and Latin letters inside Arabic text. */
const ltr = (chunks: ReactNode) => <bdi dir="ltr">{chunks}</bdi>

/**
 * The page a one-time link opens. It names the account the link signs into (masked), and says so
 * when someone else is signed in in this browser, before "Continue" — so a link someone else sent
 * cannot quietly put the customer into another account (login CSRF).
 */
export function AccessLinkPanel({ action, token, storeName, requestLinkHref, preview }: Props) {
  const t = useTranslations("AccessLink")
  const [state, formAction, pending] = useActionState(action, preview ? { status: "ready" } : { status: "expired" })
  const headingRef = useRef<HTMLHeadingElement>(null)
  const statusRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (state.status === "expired") {
      headingRef.current?.focus()
    } else if (state.status === "failed") {
      statusRef.current?.focus()
    }
  }, [state])

  if (state.status === "expired") {
    return (
      <section aria-labelledby={HEADING_ID} className="flex max-w-xl flex-col items-start gap-y-4 text-start">
        {/* A plain h1 with Heading's classes: Heading does not pass a ref on, and focus moves here. */}
        <h1 id={HEADING_ID} ref={headingRef} tabIndex={-1} className="h1-core font-sans font-medium outline-none">
          {t("expiredHeading")}
        </h1>
        <Text className="text-ui-fg-subtle">{t("expiredBody")}</Text>
        <Button asChild variant="primary" size="large" className="mt-2">
          <Link href={requestLinkHref}>{t("requestNew")}</Link>
        </Button>
      </section>
    )
  }

  return (
    <section aria-labelledby={HEADING_ID} className="flex max-w-xl flex-col items-start gap-y-4 text-start">
      <Heading level="h1" id={HEADING_ID}>
        {storeName
          ? t.rich("headingWithStore", {
              store: storeName,
              // Isolated, so a Latin store name keeps its order inside an Arabic sentence.
              name: (chunks) => <bdi>{chunks}</bdi>,
            })
          : t("heading")}
      </Heading>
      <Text className="text-ui-fg-subtle">{preview?.confirmsEmail ? t("confirmIntro") : t("intro")}</Text>
      {preview?.email && (
        <p className="txt-compact-medium text-ui-fg-base" data-testid="access-link-account">
          {t.rich("signsInto", { email: preview.email, ltr })}
        </p>
      )}
      {preview?.otherSignedIn && (
        <Alert variant="warning" className="w-full">
          <p>{t.rich("otherSignedIn", { current: preview.otherSignedIn, email: preview.email ?? "", ltr })}</p>
        </Alert>
      )}
      <form action={formAction} className="mt-2 w-full">
        <input type="hidden" name="token" value={token} />
        <Button type="submit" variant="primary" size="large" isLoading={pending} className="w-full sm:w-fit">
          {preview?.confirmsEmail ? t("confirmAndContinue") : t("continue")}
        </Button>
      </form>
      <div ref={statusRef} tabIndex={-1} role="status" aria-live="polite" className="w-full rounded-lg outline-none focus-visible:shadow-borders-focus">
        {state.status === "failed" && (
          <Alert variant="error">
            <FailureMessage failure={state.failure} />
          </Alert>
        )}
      </div>
    </section>
  )
}

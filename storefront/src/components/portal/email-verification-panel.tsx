"use client"

import { Alert, Button, Heading, Text } from "@medusajs/ui"
import { useLocale, useTranslations } from "next-intl"
import { useActionState, useEffect, useRef, type ReactNode } from "react"
import { Link } from "@/i18n/navigation"
import type { PortalFailure } from "@/lib/portal/types"
import { FailureMessage } from "./failure-message"

/**
 * What the confirm action answers. `message` is the backend's sentence for the customer, in
 * English; null when it gave none.
 */
export type EmailVerificationState =
  | { status: "ready" }
  /** The new address is now the account's. */
  | { status: "confirmed"; email: string }
  /** The current address confirmed the change; a link went to the new one, `email`. */
  | { status: "awaiting_new_address"; email: string }
  /** A change was undone: `email` is the account's address again, and everyone was signed out. */
  | { status: "restored"; email: string }
  /** The link is unknown, used, cancelled or expired. */
  | { status: "expired"; message: string | null }
  /** The address can no longer be used (another account took it meanwhile). */
  | { status: "unavailable"; message: string | null }
  | { status: "failed"; failure: PortalFailure }

/** What the link will do (read without using it), with the addresses it is about, masked. */
export type EmailChangeLinkPreview = {
  purpose: "email_change_authorize" | "email_change" | "email_change_undo"
  /** The address of the account as it is now. */
  email: string | null
  /** The address it moves to; for an undo, the one it puts back. */
  newEmail: string | null
}

type Props = {
  action: (state: EmailVerificationState, formData: FormData) => Promise<EmailVerificationState>
  token: string
  /** Null when the link cannot be used any more: the page says so at once. */
  preview: EmailChangeLinkPreview | null
  /** Where to sign in again after an undo. */
  signInHref: string
}

const COPY = {
  email_change_authorize: { heading: "authorizeHeading", intro: "authorizeIntro", button: "authorize" },
  email_change: { heading: "heading", intro: "intro", button: "confirm" },
  email_change_undo: { heading: "undoHeading", intro: "undoIntro", button: "undo" },
} as const

const HEADING_ID = "email-verification-heading"

/** An address keeps its order and Latin letters inside Arabic text. */
const ltr = (chunks: ReactNode) => <bdi dir="ltr">{chunks}</bdi>

const LINK_BUTTON = "mt-2 w-full sm:w-fit"

/**
 * One step of an email change — the current address confirming it, the new address, or the old
 * one undoing it — says what it will do, for which account (its address masked), before the one
 * button that uses the link. The answer takes the focus; after a refusal the button goes, since
 * the same link cannot work again.
 */
export function EmailVerificationPanel({ action, token, preview, signInHref }: Props) {
  const t = useTranslations("EmailVerification")
  const locale = useLocale()
  const initial: EmailVerificationState = preview ? { status: "ready" } : { status: "expired", message: null }
  const [state, formAction, pending] = useActionState(action, initial)
  const statusRef = useRef<HTMLDivElement>(null)
  const alertRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (state.status === "confirmed" || state.status === "awaiting_new_address" || state.status === "restored") {
      statusRef.current?.focus()
    } else if (state.status !== "ready") {
      alertRef.current?.focus()
    }
  }, [state])

  // The backend writes its sentences in English: other languages use their own for the same case.
  const backendSentence = (message: string | null) => (locale === "en" && message ? message : null)
  const open = state.status === "ready" || state.status === "failed"
  const copy = COPY[preview?.purpose ?? "email_change"]
  const addresses = { account: preview?.email ?? "", address: preview?.newEmail ?? "", ltr }

  return (
    <section aria-labelledby={HEADING_ID} className="flex max-w-xl flex-col items-start gap-y-4 text-start">
      <Heading level="h1" id={HEADING_ID}>
        {t(copy.heading)}
      </Heading>
      {open && (
        <>
          <Text className="text-ui-fg-subtle">{t.rich(copy.intro, addresses)}</Text>
          <form action={formAction} className="mt-2 w-full">
            <input type="hidden" name="token" value={token} />
            <Button type="submit" variant="primary" size="large" isLoading={pending} className="w-full sm:w-fit">
              {t(copy.button)}
            </Button>
          </form>
          <Text size="small" className="text-ui-fg-subtle">
            {t("notYou")}
          </Text>
        </>
      )}

      {/* Always in place, so what fills them is announced. */}
      <div
        ref={statusRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className="w-full rounded-lg outline-none focus-visible:shadow-borders-focus"
      >
        {state.status === "confirmed" && (
          <Alert variant="success">
            <p>{t.rich("confirmed", { email: state.email, ltr })}</p>
          </Alert>
        )}
        {state.status === "awaiting_new_address" && (
          <Alert variant="success">
            <p>{t.rich("authorized", { email: state.email, ltr })}</p>
          </Alert>
        )}
        {state.status === "restored" && (
          <Alert variant="success">
            <p>{t.rich("restored", { email: state.email, ltr })}</p>
          </Alert>
        )}
      </div>
      <div
        ref={alertRef}
        tabIndex={-1}
        role="alert"
        className="w-full rounded-lg outline-none focus-visible:shadow-borders-focus"
      >
        {state.status === "expired" && (
          <Alert variant="error">
            <p>{backendSentence(state.message) ?? t("expired")}</p>
          </Alert>
        )}
        {state.status === "unavailable" && (
          <Alert variant="error">
            <p>{backendSentence(state.message) ?? t("unavailable")}</p>
          </Alert>
        )}
        {state.status === "failed" && (
          <Alert variant="error">
            <FailureMessage failure={state.failure} />
          </Alert>
        )}
      </div>

      {state.status === "confirmed" && (
        <Button asChild variant="primary" size="large" className={LINK_BUTTON}>
          <Link href="/portal">{t("goToPortal")}</Link>
        </Button>
      )}
      {state.status === "restored" && (
        <Button asChild variant="primary" size="large" className={LINK_BUTTON}>
          <Link href={signInHref}>{t("signInAgain")}</Link>
        </Button>
      )}
      {(state.status === "expired" || state.status === "unavailable") && (
        <>
          <Text className="text-ui-fg-subtle">{t("signInFirst")}</Text>
          <Button asChild variant="primary" size="large" className={LINK_BUTTON}>
            <Link href="/portal/profile">{t("goToProfile")}</Link>
          </Button>
        </>
      )}
    </section>
  )
}

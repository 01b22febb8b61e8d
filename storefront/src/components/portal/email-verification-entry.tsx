"use client"

import { useTranslations } from "next-intl"
import { EmailVerificationPanel, type EmailChangeLinkPreview, type EmailVerificationState } from "./email-verification-panel"
import { LinkIncomplete, LinkReading, useLinkPreview } from "./link-entry"

type Props = {
  confirmAction: (state: EmailVerificationState, formData: FormData) => Promise<EmailVerificationState>
  /** What the link will do, read without using it; null when it cannot be used. */
  previewAction: (token: string) => Promise<EmailChangeLinkPreview | null>
  signInHref: string
}

/** When the store could not be asked what the link does: the button still tries it. */
const UNREACHABLE: EmailChangeLinkPreview = { purpose: "email_change", email: null, newEmail: null }

/**
 * The page the links of an email change open (`…/portal/verify-email#t=<token>`): the token comes
 * from the fragment, which no server ever sees, and goes to the backend only with the button.
 */
export function EmailVerificationEntry({ confirmAction, previewAction, signInHref }: Props) {
  const t = useTranslations("EmailVerification")
  const link = useLinkPreview(previewAction, UNREACHABLE)

  if (link.status === "missing") {
    return <LinkIncomplete heading={t("incompleteHeading")} body={t("incompleteBody")} action={t("goToProfile")} href="/portal/profile" />
  }
  if (link.status === "reading") {
    return <LinkReading heading={t("readingHeading")} status={t("reading")} />
  }
  return <EmailVerificationPanel key={link.token} action={confirmAction} token={link.token} preview={link.preview} signInHref={signInHref} />
}

"use client"

import { useTranslations } from "next-intl"
import { AccessLinkPanel, type AccessLinkPreview, type AccessLinkState } from "./access-link-panel"
import { LinkIncomplete, LinkReading, useLinkPreview } from "./link-entry"

type Props = {
  redeemAction: (state: AccessLinkState, formData: FormData) => Promise<AccessLinkState>
  /** What the link will do, read without using it; null when it cannot be used. */
  previewAction: (token: string) => Promise<AccessLinkPreview | null>
  storeName: string | null
  requestLinkHref: string
}

/** When the store could not be asked what the link does: the customer may still continue. */
const UNREACHABLE: AccessLinkPreview = { confirmsEmail: false, email: null, otherSignedIn: null }

/**
 * The page a one-time sign-in link opens (`…/portal/access#t=<token>`): the token comes from the
 * fragment, which no server ever sees, and goes to the backend only with "Continue".
 */
export function AccessLinkEntry({ redeemAction, previewAction, storeName, requestLinkHref }: Props) {
  const t = useTranslations("AccessLink")
  const link = useLinkPreview(previewAction, UNREACHABLE)

  if (link.status === "missing") {
    return <LinkIncomplete heading={t("incompleteHeading")} body={t("incompleteBody")} action={t("requestNew")} href={requestLinkHref} />
  }
  if (link.status === "reading") {
    const heading = storeName ? t.rich("headingWithStore", { store: storeName, name: (chunks) => <bdi>{chunks}</bdi> }) : t("heading")
    return <LinkReading heading={heading} status={t("reading")} />
  }
  return (
    <AccessLinkPanel
      key={link.token}
      action={redeemAction}
      token={link.token}
      storeName={storeName}
      requestLinkHref={requestLinkHref}
      preview={link.preview}
    />
  )
}

"use client"

import { Alert, Button, Prompt, Text } from "@medusajs/ui"
import { useLocale, useTranslations } from "next-intl"
import { useEffect, useRef, useState, useTransition, type ReactNode } from "react"
import type { PortalFailure } from "@/lib/portal/types"
import { FailureMessage } from "./failure-message"
import { callAction, isolated, Spinner } from "./license-key-value"

/** What the deactivate action answers. */
export type DeactivateResult =
  | { status: "deactivated" }
  /** The store does not let customers free activations in the portal. */
  | { status: "refused" }
  /** The key no longer has this activation (or is not the customer's any more). */
  | { status: "not_found" }
  | { status: "failed"; failure: PortalFailure }
  | { status: "session_ended" }

/** A date as the page formatted it, with its ISO form for `<time>`. */
export type FormattedDate = { iso: string; text: string }

export type ActivationRow = {
  id: string
  name: string
  activatedAt: FormattedDate
  lastCheckedAt: FormattedDate | null
}

type Props = {
  licenseKeyId: string
  activations: ActivationRow[]
  /** False when the store does not let customers free an activation: the list then says whom to ask. */
  canDeactivate: boolean
  /** The store's support address, for "contact the store"; null when it has none. */
  supportEmail: string | null
  /** The id of the section's heading, which names the list. */
  labelledBy: string
  deactivateAction: (licenseKeyId: string, activationId: string) => Promise<DeactivateResult>
}

/** What the page tells after the dialog. */
type Outcome =
  | { kind: "deactivated"; name: string }
  | { kind: "refused" }
  | { kind: "not_found" }
  | { kind: "failed"; failure: PortalFailure }

/** Longer than the dialog's closing animation (200ms). */
const CLOSE_FALLBACK_MS = 1000

// aria-disabled rather than disabled: a busy button keeps its focus, so a screen reader stays on it.
const BUSY_BUTTON = "w-full sm:w-fit aria-disabled:cursor-wait aria-disabled:opacity-70"

/** Words only a screen reader reads, such as the device a button is for. */
const hidden = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>

/**
 * The devices a license key is active on, each with "Deactivate" when the store allows it. The
 * button asks first in a small dialog; the list is loaded again after the change, and the result
 * takes the focus, since the device's button is gone with it.
 */
export function LicenseActivations({
  licenseKeyId,
  activations,
  canDeactivate,
  supportEmail,
  labelledBy,
  deactivateAction,
}: Props) {
  const t = useTranslations("LicenseKeyActions")
  const locale = useLocale()
  const [open, setOpen] = useState(false)
  // Kept after closing: the dialog still shows the device while it fades out.
  const [target, setTarget] = useState<ActivationRow | null>(null)
  const [dialogError, setDialogError] = useState<PortalFailure | null>(null)
  const [outcome, setOutcome] = useState<{ value: Outcome; focus: boolean } | null>(null)
  const [pending, startDeactivate] = useTransition()
  const afterClose = useRef<Outcome | null>(null)
  const opener = useRef<HTMLButtonElement | null>(null)
  const statusRef = useRef<HTMLDivElement>(null)
  const alertRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!outcome?.focus) {
      return
    }
    if (outcome.value.kind === "deactivated") {
      statusRef.current?.focus()
    } else {
      alertRef.current?.focus()
    }
  }, [outcome])

  /** The software may report no name: the device still needs words in the list and the dialog. */
  function deviceName(activation: ActivationRow): string {
    return activation.name.trim() || t("unnamedDevice")
  }

  function ask(activation: ActivationRow, button: HTMLButtonElement) {
    opener.current = button
    afterClose.current = null
    setTarget(activation)
    setDialogError(null)
    setOutcome(null)
    setOpen(true)
  }

  function openChange(next: boolean) {
    if (!next && pending) {
      // Escape and "Cancel" wait for the running request.
      return
    }
    setOpen(next)
  }

  /** Shows (and focuses) what the dialog left to tell; true when there was something. */
  function tellAfterClose(): boolean {
    const next = afterClose.current
    if (!next) {
      return false
    }
    afterClose.current = null
    setOutcome({ value: next, focus: true })
    return true
  }

  function closeWith(next: Outcome) {
    // Told once the dialog is gone: a live region behind a modal dialog is hidden from screen readers.
    afterClose.current = next
    setOpen(false)
    // Normally told by onCloseAutoFocus below; this only catches a close that never reports.
    window.setTimeout(tellAfterClose, CLOSE_FALLBACK_MS)
  }

  function confirm() {
    const activation = target
    if (pending || !activation) {
      return
    }
    setDialogError(null)
    startDeactivate(async () => {
      const result = await callAction(() => deactivateAction(licenseKeyId, activation.id))
      switch (result.status) {
        case "deactivated":
          return closeWith({ kind: "deactivated", name: deviceName(activation) })
        case "refused":
          return closeWith({ kind: "refused" })
        case "not_found":
          return closeWith({ kind: "not_found" })
        case "session_ended":
          // A route handler: it clears the cookie and sends the customer to sign in again.
          return window.location.assign(`/${locale}/portal/session-expired`)
        default:
          // Worth another try from the dialog itself.
          return setDialogError(result.failure)
      }
    })
  }

  const contact = supportEmail
    ? t.rich("contactStoreEmail", {
        address: supportEmail,
        email: (chunks) => (
          // dir="ltr" isolates the address, so it keeps its order inside Arabic text.
          <a
            href={`mailto:${supportEmail}`}
            dir="ltr"
            className="rounded-sm text-ui-fg-base underline underline-offset-2 outline-none hover:text-ui-fg-interactive focus-visible:shadow-borders-focus"
          >
            {chunks}
          </a>
        ),
      })
    : t("contactStore")
  const date = (value: FormattedDate) => (chunks: ReactNode) => (
    <bdi>
      <time dateTime={value.iso}>{chunks}</time>
    </bdi>
  )

  return (
    <div className="flex flex-col gap-y-3">
      {activations.length === 0 ? (
        <Text className="text-ui-fg-subtle">{t("noActivations")}</Text>
      ) : (
        <ul
          aria-labelledby={labelledBy}
          className="divide-y divide-ui-border-base overflow-hidden rounded-lg bg-ui-bg-base shadow-elevation-card-rest"
        >
          {activations.map((activation) => (
            <li key={activation.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div className="flex min-w-0 flex-col gap-y-0.5">
                <p className="txt-compact-small-plus break-words text-ui-fg-base">
                  <bdi dir="auto">{deviceName(activation)}</bdi>
                </p>
                <p className="txt-compact-small text-ui-fg-subtle">
                  {t.rich("activatedOn", { date: activation.activatedAt.text, time: date(activation.activatedAt) })}
                </p>
                {activation.lastCheckedAt && (
                  <p className="txt-compact-small text-ui-fg-subtle">
                    {t.rich("lastChecked", {
                      date: activation.lastCheckedAt.text,
                      time: date(activation.lastCheckedAt),
                    })}
                  </p>
                )}
              </div>
              {canDeactivate && (
                <Button
                  type="button"
                  size="small"
                  variant="secondary"
                  onClick={(event) => ask(activation, event.currentTarget)}
                  className="w-full sm:w-fit"
                >
                  <span>{t.rich("deactivate", { name: deviceName(activation), device: isolated, hidden })}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!canDeactivate && activations.length > 0 && <Text className="text-ui-fg-subtle">{contact}</Text>}

      {/* Always in place, so what fills them is announced. */}
      <div
        ref={statusRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className="max-w-xl rounded-lg outline-none focus-visible:shadow-borders-focus"
      >
        {outcome?.value.kind === "deactivated" && (
          <Alert variant="success">
            {t.rich("deactivated", { name: outcome.value.name, device: isolated })}
          </Alert>
        )}
      </div>
      <div
        ref={alertRef}
        tabIndex={-1}
        role="alert"
        className="max-w-xl rounded-lg outline-none focus-visible:shadow-borders-focus"
      >
        {outcome?.value.kind === "refused" && (
          <Alert variant="error">
            <p>{t("refused")}</p>
            <p className="mt-1">{contact}</p>
          </Alert>
        )}
        {outcome?.value.kind === "not_found" && <Alert variant="error">{t("activationGone")}</Alert>}
        {outcome?.value.kind === "failed" && (
          <Alert variant="error">
            <FailureMessage failure={outcome.value.failure} />
          </Alert>
        )}
      </div>

      <Prompt variant="danger" open={open} onOpenChange={openChange}>
        <Prompt.Content
          className="w-[calc(100%-2rem)] text-start"
          onCloseAutoFocus={(event) => {
            event.preventDefault()
            if (tellAfterClose()) {
              return
            }
            // Cancelled: back to the device's button, when it is still on the page.
            if (opener.current?.isConnected) {
              opener.current.focus()
            }
          }}
        >
          <Prompt.Header>
            <Prompt.Title>
              {target && t.rich("dialogTitle", { name: deviceName(target), device: isolated })}
            </Prompt.Title>
            <Prompt.Description>{t("dialogBody")}</Prompt.Description>
          </Prompt.Header>
          <div className="px-6 [&:not(:empty)]:pt-4" role="alert">
            {dialogError && (
              <Alert variant="error">
                <FailureMessage failure={dialogError} />
              </Alert>
            )}
          </div>
          <div role="status" aria-live="polite" className="txt-compact-small px-6 text-ui-fg-subtle [&:not(:empty)]:pt-4">
            {pending && (
              <span className="flex items-center gap-x-2">
                <Spinner />
                {t("deactivating")}
              </span>
            )}
          </div>
          <Prompt.Footer className="flex-col-reverse gap-2 sm:flex-row">
            <Prompt.Cancel className={BUSY_BUTTON} aria-disabled={pending || undefined}>
              {t("cancel")}
            </Prompt.Cancel>
            <Button
              type="button"
              variant="danger"
              size="small"
              onClick={confirm}
              aria-disabled={pending || undefined}
              className={BUSY_BUTTON}
            >
              {t("confirm")}
            </Button>
          </Prompt.Footer>
        </Prompt.Content>
      </Prompt>
    </div>
  )
}

"use client"

import { Alert, Button, clx, Drawer, Label, Text, Textarea } from "@medusajs/ui"
import { useLocale, useTranslations } from "next-intl"
import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react"
import {
  CANCEL_COMMENT_MAX,
  CANCEL_REASONS,
  isCancelReason,
  isCancelWhen,
} from "@/lib/portal/subscription-options"
import type { PortalCancelReason, PortalCancelWhen, PortalFailure } from "@/lib/portal/types"
import { FailureMessage } from "./failure-message"

export type CancelInput = {
  when: PortalCancelWhen
  reason: PortalCancelReason
  comment: string
}

/** What the cancel and undo actions answer. */
export type SubscriptionChangeResult =
  | { status: "cancelled" }
  /** Cancelled at the end of the period; `date` is that day, formatted for the page. */
  | { status: "ends"; date: string }
  | { status: "continues" }
  | { status: "invalid"; field: "when" | "reason" | "comment" }
  /** The backend's refusal, written for the customer: shown as it is. */
  | { status: "refused"; message: string }
  | { status: "failed"; failure: PortalFailure }
  | { status: "session_ended" }

type Props = {
  subscriptionId: string
  plan: string
  /** When the backend lets a cancellation take effect; empty when it allows none. */
  cancelOptions: PortalCancelWhen[]
  canUndo: boolean
  /** The end of the current period, formatted for the page. */
  periodEnd: string
  cancelAction: (subscriptionId: string, input: CancelInput) => Promise<SubscriptionChangeResult>
  undoAction: (subscriptionId: string) => Promise<SubscriptionChangeResult>
}

/** What the page's live region says after a change, or after an undo that failed. */
type Outcome =
  | { kind: "done"; text: string }
  | { kind: "refused"; message: string }
  | { kind: "failed"; failure: PortalFailure }

type Field = "when" | "reason" | "comment"

// Medusa's Select is a popover, not a form control; this is a native one in Medusa's field style.
const SELECT_CLASSES = clx(
  "txt-compact-small h-10 w-full rounded-md bg-ui-bg-field px-2 text-ui-fg-base shadow-borders-base outline-none",
  "hover:bg-ui-bg-field-hover focus-visible:shadow-borders-interactive-with-active",
  "aria-[invalid=true]:shadow-borders-error"
)

/** Longer than the drawer's closing animation (200ms). */
const CLOSE_FALLBACK_MS = 1000

// aria-disabled rather than disabled: a busy button keeps its focus, so a screen reader stays on it.
const BUSY_BUTTON = "w-full sm:w-fit aria-disabled:cursor-wait aria-disabled:opacity-70"

/**
 * "Cancel subscription" with its dialog, "Undo cancellation", and the live region that tells
 * the result. The backend decides which of them the customer may use (`actions`).
 */
export function SubscriptionActions({
  subscriptionId,
  plan,
  cancelOptions,
  canUndo,
  periodEnd,
  cancelAction,
  undoAction,
}: Props) {
  const t = useTranslations("SubscriptionActions")
  const locale = useLocale()
  const ids = useId()
  const [open, setOpen] = useState(false)
  // The options as they were on opening: after a change the page's new props must not reshape
  // the dialog while it fades out.
  const [shownOptions, setShownOptions] = useState(cancelOptions)
  const [cancelling, startCancel] = useTransition()
  const [undoing, startUndo] = useTransition()
  const [fieldError, setFieldError] = useState<Field | null>(null)
  const [dialogError, setDialogError] = useState<Exclude<Outcome, { kind: "done" }> | null>(null)
  const [outcome, setOutcome] = useState<{ value: Outcome; focus: boolean } | null>(null)
  const afterClose = useRef<Outcome | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const reasonRef = useRef<HTMLSelectElement>(null)
  const commentRef = useRef<HTMLTextAreaElement>(null)
  const statusRef = useRef<HTMLDivElement>(null)

  // A button that went away with the change (cancel, undo) took the focus with it: the result takes it.
  useEffect(() => {
    if (outcome?.focus) {
      statusRef.current?.focus()
    }
  }, [outcome])

  function openChange(next: boolean) {
    if (!next && cancelling) {
      // Escape and "Keep subscription" wait for the running cancellation.
      return
    }
    if (next) {
      setShownOptions(cancelOptions)
      setFieldError(null)
      setDialogError(null)
      setOutcome(null)
    }
    setOpen(next)
  }

  /** Shows (and focuses) the result a successful cancellation left for after the dialog. */
  function announceAfterClose() {
    const done = afterClose.current
    if (done) {
      afterClose.current = null
      setOutcome({ value: done, focus: true })
    }
  }

  function endSession() {
    // A route handler: it clears the cookie and sends the customer to sign in again.
    window.location.assign(`/${locale}/portal/session-expired`)
  }

  function submitCancel(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (cancelling) {
      return
    }
    const data = new FormData(event.currentTarget)
    const when = data.get("when")
    const reason = data.get("reason")
    const comment = String(data.get("comment") ?? "")
    if (!isCancelWhen(when)) {
      return showFieldError("when")
    }
    if (!isCancelReason(reason)) {
      return showFieldError("reason")
    }
    if (comment.length > CANCEL_COMMENT_MAX) {
      return showFieldError("comment")
    }
    setFieldError(null)
    setDialogError(null)
    startCancel(async () => {
      const result = await cancelAction(subscriptionId, { when, reason, comment })
      switch (result.status) {
        case "cancelled":
        case "ends":
          // Told once the dialog is gone: a live region behind a modal dialog is hidden from screen readers.
          afterClose.current = {
            kind: "done",
            text: result.status === "ends" ? t("endsOn", { date: result.date }) : t("cancelled"),
          }
          setOpen(false)
          // Normally told by onCloseAutoFocus below; this only catches a close that never reports.
          window.setTimeout(announceAfterClose, CLOSE_FALLBACK_MS)
          return
        case "invalid":
          return showFieldError(result.field)
        case "refused":
          return setDialogError({ kind: "refused", message: result.message })
        case "failed":
          return setDialogError({ kind: "failed", failure: result.failure })
        case "session_ended":
          return endSession()
        default:
          return setDialogError({ kind: "failed", failure: { kind: "unexpected" } })
      }
    })
  }

  function showFieldError(field: Field) {
    setFieldError(field)
    if (field === "reason") {
      reasonRef.current?.focus()
    } else if (field === "comment") {
      commentRef.current?.focus()
    } else {
      formRef.current?.querySelector<HTMLInputElement>('input[name="when"]')?.focus()
    }
  }

  function undo() {
    if (undoing) {
      return
    }
    setOutcome(null)
    startUndo(async () => {
      const result = await undoAction(subscriptionId)
      switch (result.status) {
        case "continues":
          return setOutcome({ value: { kind: "done", text: t("continues") }, focus: true })
        case "refused":
          return setOutcome({ value: { kind: "refused", message: result.message }, focus: false })
        case "failed":
          return setOutcome({ value: { kind: "failed", failure: result.failure }, focus: false })
        case "session_ended":
          return endSession()
        default:
          return setOutcome({ value: { kind: "failed", failure: { kind: "unexpected" } }, focus: false })
      }
    })
  }

  const defaultWhen: PortalCancelWhen | undefined = shownOptions.includes("period_end")
    ? "period_end"
    : shownOptions[0]
  const hintId = (name: string) => `${ids}-${name}-hint`
  const errorId = (field: Field) => `${ids}-${field}-error`
  const describedBy = (...parts: (string | false)[]) => parts.filter(Boolean).join(" ") || undefined

  return (
    <div className="flex flex-col">
      {/* Always mounted, so a dialog whose trigger went away with the change still closes properly. */}
      <div className="flex flex-wrap items-center gap-2 empty:hidden">
        {canUndo && (
          <Button
            type="button"
            variant="primary"
            onClick={undo}
            aria-disabled={undoing || undefined}
            className={BUSY_BUTTON}
          >
            {undoing && <Spinner />}
            {undoing ? t("undoing") : t("undo")}
          </Button>
        )}
        <Drawer open={open} onOpenChange={openChange}>
          {cancelOptions.length > 0 && (
            <Drawer.Trigger asChild>
              <Button type="button" variant="secondary" className="w-full sm:w-fit">
                {t("cancel")}
              </Button>
            </Drawer.Trigger>
          )}
          <Drawer.Content
            // Medusa's drawer sits on the right, the end of an English line; in Arabic the end is the left.
            className={clx(
              "rtl:sm:left-2 rtl:sm:right-auto",
              "rtl:data-[state=open]:slide-in-from-left-1/2 rtl:data-[state=closed]:slide-out-to-left-1/2"
            )}
            onOpenAutoFocus={(event) => {
              const form = formRef.current
              const first =
                form?.querySelector<HTMLInputElement>('input[name="when"]:checked') ??
                form?.querySelector<HTMLInputElement>('input[name="when"]')
              if (first) {
                event.preventDefault()
                first.focus()
              }
            }}
            onCloseAutoFocus={(event) => {
              if (afterClose.current) {
                // The trigger may be gone with the change: the result is where focus goes.
                event.preventDefault()
                announceAfterClose()
              }
            }}
          >
            <div className="flex flex-col gap-y-1 border-b border-ui-border-base px-6 py-4 text-start">
              <Drawer.Title className="h2-core font-sans font-medium text-ui-fg-base">
                {t.rich("dialogTitle", {
                  plan,
                  name: (chunks) => <bdi dir="auto">{chunks}</bdi>,
                })}
              </Drawer.Title>
              <Drawer.Description className="text-ui-fg-subtle">{t("dialogIntro")}</Drawer.Description>
            </div>
            <form
              ref={formRef}
              noValidate
              onSubmit={submitCancel}
              className="flex min-h-0 flex-1 flex-col text-start"
            >
              <div className="flex flex-1 flex-col gap-y-6 overflow-y-auto px-6 py-4">
                <fieldset
                  className="flex flex-col gap-y-3"
                  aria-describedby={fieldError === "when" ? errorId("when") : undefined}
                >
                  <legend className="txt-compact-small-plus mb-3 text-ui-fg-base">{t("when")}</legend>
                  {shownOptions.map((option) => {
                    const id = `${ids}-when-${option}`
                    return (
                      <div key={option} className="flex items-start gap-x-3">
                        <input
                          type="radio"
                          id={id}
                          name="when"
                          value={option}
                          defaultChecked={option === defaultWhen}
                          aria-describedby={hintId(option)}
                          className="mt-0.5 size-4 shrink-0 accent-ui-fg-interactive"
                        />
                        <div className="flex flex-col gap-y-0.5">
                          <Label htmlFor={id} size="small" weight="plus">
                            {option === "now" ? t("now") : t("periodEnd")}
                          </Label>
                          <Text id={hintId(option)} size="small" className="text-ui-fg-subtle">
                            {option === "now" ? t("nowHint") : t("periodEndHint", { date: periodEnd })}
                          </Text>
                        </div>
                      </div>
                    )
                  })}
                  {fieldError === "when" && <FieldError id={errorId("when")}>{t("whenMissing")}</FieldError>}
                </fieldset>

                <div className="flex flex-col gap-y-1.5">
                  <Label htmlFor={`${ids}-reason`} size="small" weight="plus">
                    {t("reason")}
                  </Label>
                  <select
                    ref={reasonRef}
                    id={`${ids}-reason`}
                    name="reason"
                    required
                    defaultValue=""
                    aria-invalid={fieldError === "reason" || undefined}
                    aria-describedby={fieldError === "reason" ? errorId("reason") : undefined}
                    onChange={() => fieldError === "reason" && setFieldError(null)}
                    className={SELECT_CLASSES}
                  >
                    <option value="" disabled>
                      {t("reasonPlaceholder")}
                    </option>
                    {CANCEL_REASONS.map((reason) => (
                      <option key={reason} value={reason}>
                        {t(`reasons.${reason}`)}
                      </option>
                    ))}
                  </select>
                  {fieldError === "reason" && (
                    <FieldError id={errorId("reason")}>{t("reasonMissing")}</FieldError>
                  )}
                </div>

                <div className="flex flex-col gap-y-1.5">
                  <Label htmlFor={`${ids}-comment`} size="small" weight="plus">
                    {t("comment")}
                  </Label>
                  <Textarea
                    ref={commentRef}
                    id={`${ids}-comment`}
                    name="comment"
                    rows={4}
                    maxLength={CANCEL_COMMENT_MAX}
                    dir="auto"
                    aria-invalid={fieldError === "comment" || undefined}
                    aria-describedby={describedBy(
                      hintId("comment"),
                      fieldError === "comment" && errorId("comment")
                    )}
                    className="text-start"
                  />
                  <Text id={hintId("comment")} size="small" className="text-ui-fg-subtle">
                    {t("commentHint", { max: CANCEL_COMMENT_MAX })}
                  </Text>
                  {fieldError === "comment" && (
                    <FieldError id={errorId("comment")}>
                      {t("commentTooLong", { max: CANCEL_COMMENT_MAX })}
                    </FieldError>
                  )}
                </div>

                {/* Always in place, so what fills it is announced. */}
                <div role="alert">
                  {dialogError && (
                    <Alert variant="error">
                      {dialogError.kind === "refused" ? (
                        <bdi dir="auto">{dialogError.message}</bdi>
                      ) : (
                        <FailureMessage failure={dialogError.failure} />
                      )}
                    </Alert>
                  )}
                </div>
              </div>
              <div className="flex flex-col-reverse gap-2 border-t border-ui-border-base px-6 py-4 sm:flex-row sm:justify-end">
                <Drawer.Close asChild>
                  <Button
                    type="button"
                    variant="secondary"
                    aria-disabled={cancelling || undefined}
                    className={BUSY_BUTTON}
                  >
                    {t("keep")}
                  </Button>
                </Drawer.Close>
                <Button
                  type="submit"
                  variant="danger"
                  aria-disabled={cancelling || undefined}
                  className={BUSY_BUTTON}
                >
                  {cancelling && <Spinner />}
                  {cancelling ? t("cancelling") : t("cancel")}
                </Button>
              </div>
            </form>
          </Drawer.Content>
        </Drawer>
      </div>
      <div
        ref={statusRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className="max-w-xl rounded-lg text-start outline-none focus-visible:shadow-borders-focus [&:not(:empty)]:mt-3"
      >
        {outcome?.value.kind === "done" && <Alert variant="success">{outcome.value.text}</Alert>}
        {outcome?.value.kind === "refused" && (
          <Alert variant="error">
            <bdi dir="auto">{outcome.value.message}</bdi>
          </Alert>
        )}
        {outcome?.value.kind === "failed" && (
          <Alert variant="error">
            <FailureMessage failure={outcome.value.failure} />
          </Alert>
        )}
      </div>
    </div>
  )
}

function FieldError({ id, children }: { id: string; children: string }) {
  return (
    <Text id={id} size="small" className="text-ui-fg-error">
      {children}
    </Text>
  )
}

function Spinner() {
  return (
    <span
      aria-hidden="true"
      className="size-3.5 shrink-0 animate-spin rounded-full border-2 border-current border-e-transparent"
    />
  )
}

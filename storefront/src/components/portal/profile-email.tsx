"use client"

import { Alert, Button, clx, Input, Label, Text } from "@medusajs/ui"
import { useLocale, useTranslations } from "next-intl"
import { useEffect, useId, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react"
import { checkNewEmail, EMAIL_MAX, type EmailProblem } from "@/lib/portal/profile-options"
import type { PortalFailure } from "@/lib/portal/types"
import { FailureMessage } from "./failure-message"
import type { FormattedDate } from "./license-activations"
import { callAction, Spinner } from "./license-key-value"
import { QUIET_UNTIL_SUBMITTED } from "./login-form"

/**
 * A new address waiting to be confirmed: from the current address first (`current_address`, when
 * the customer did not sign in by email in the last ten minutes), then from the new one.
 */
export type PendingEmailChange = { email: string; awaiting: "current_address" | "new_address"; expires: FormattedDate }

/** What the action behind "Send verification link" answers. */
export type EmailChangeResult =
  | ({ status: "sent" } & PendingEmailChange)
  | { status: "invalid"; problem: EmailProblem }
  /** The backend's refusal, written for the customer: shown as it is. */
  | { status: "refused"; message: string }
  | { status: "failed"; failure: PortalFailure }
  | { status: "session_ended" }

/** What the action behind "Cancel change" answers. */
export type CancelEmailChangeResult =
  | { status: "cancelled" }
  | { status: "failed"; failure: PortalFailure }
  | { status: "session_ended" }

type Props = {
  /** The address in use; null when the store has none on file. */
  currentEmail: string | null
  pending: PendingEmailChange | null
  /** False when the store does not let customers change their details: no form, only whom to ask. */
  canEdit: boolean
  requestAction: (email: string) => Promise<EmailChangeResult>
  cancelAction: () => Promise<CancelEmailChangeResult>
}

/** What the live region says. */
type Outcome = ({ kind: "sent" } & PendingEmailChange) | { kind: "cancelled" }

/** What the alert says. */
type Problem =
  | { kind: "field"; problem: EmailProblem }
  | { kind: "refused"; message: string }
  | { kind: "failed"; failure: PortalFailure }

// aria-disabled rather than disabled: a busy button keeps its focus, so a screen reader stays on it.
const BUSY_BUTTON = "w-full sm:w-fit aria-disabled:cursor-wait aria-disabled:opacity-70"

/** An address keeps its order and Latin letters inside Arabic text. */
const ltr = (chunks: ReactNode) => <bdi dir="ltr">{chunks}</bdi>

/**
 * The email address in use, the change waiting for confirmation with "Cancel change", and the
 * form for a new address. Sending only emails a link: the address changes when the customer
 * opens it, on the verification page. Nothing changes before that.
 */
export function ProfileEmail({ currentEmail, pending: initialPending, canEdit, requestAction, cancelAction }: Props) {
  const t = useTranslations("Profile")
  const locale = useLocale()
  const ids = useId()
  const [pending, setPending] = useState(initialPending)
  const [email, setEmail] = useState("")
  const [outcome, setOutcome] = useState<{ value: Outcome; focus: boolean } | null>(null)
  const [shown, setShown] = useState<{ problem: Problem; focus: boolean } | null>(null)
  const [sending, startSend] = useTransition()
  const [cancelling, startCancel] = useTransition()
  const inputRef = useRef<HTMLInputElement>(null)
  const statusRef = useRef<HTMLDivElement>(null)
  const alertRef = useRef<HTMLDivElement>(null)
  const busy = sending || cancelling

  useEffect(() => {
    if (!shown?.focus) {
      return
    }
    if (shown.problem.kind === "field") {
      inputRef.current?.focus()
    } else {
      alertRef.current?.focus()
    }
  }, [shown])

  // "Cancel change" goes away with the change it cancelled: the result takes the focus.
  useEffect(() => {
    if (outcome?.focus) {
      statusRef.current?.focus()
    }
  }, [outcome])

  function endSession() {
    // A route handler: it clears the cookie and sends the customer to sign in again.
    window.location.assign(`/${locale}/portal/session-expired`)
  }

  function showProblem(problem: Problem) {
    setShown({ problem, focus: true })
  }

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) {
      return
    }
    setOutcome(null)
    setShown(null)
    const check = checkNewEmail(email, currentEmail)
    if (!check.ok) {
      return showProblem({ kind: "field", problem: check.problem })
    }
    startSend(async () => {
      const result = await callAction(() => requestAction(check.email))
      switch (result.status) {
        case "sent": {
          const change = { email: result.email, awaiting: result.awaiting, expires: result.expires }
          setPending(change)
          setEmail("")
          setOutcome({ value: { kind: "sent", ...change }, focus: false })
          return
        }
        case "invalid":
          return showProblem({ kind: "field", problem: result.problem })
        case "refused":
          return showProblem({ kind: "refused", message: result.message })
        case "session_ended":
          return endSession()
        default:
          return showProblem({ kind: "failed", failure: result.failure })
      }
    })
  }

  function cancel() {
    if (busy) {
      return
    }
    setOutcome(null)
    setShown(null)
    startCancel(async () => {
      const result = await callAction(() => cancelAction())
      switch (result.status) {
        case "cancelled":
          setPending(null)
          setOutcome({ value: { kind: "cancelled" }, focus: true })
          return
        case "session_ended":
          return endSession()
        default:
          return showProblem({ kind: "failed", failure: result.failure })
      }
    })
  }

  const inputId = `${ids}-email`
  const hintId = `${ids}-email-hint`
  const errorId = `${ids}-email-error`
  const invalid = shown?.problem.kind === "field"
  const time = (value: FormattedDate) => (chunks: ReactNode) => (
    <bdi>
      <time dateTime={value.iso}>{chunks}</time>
    </bdi>
  )

  return (
    <div className="flex flex-col gap-y-4 text-start">
      <dl className="flex flex-col gap-y-1">
        <dt className="txt-compact-small-plus text-ui-fg-subtle">{t("currentEmail")}</dt>
        <dd className="txt-compact-medium break-all text-ui-fg-base">
          {currentEmail ? <bdi dir="ltr">{currentEmail}</bdi> : t("noEmail")}
        </dd>
      </dl>

      {pending && (
        <div className="flex flex-col gap-3 rounded-lg bg-ui-bg-base p-4 shadow-elevation-card-rest sm:flex-row sm:items-center sm:justify-between">
          <div className="flex min-w-0 flex-col gap-y-0.5">
            <p className="txt-compact-small-plus break-all text-ui-fg-base">
              {t.rich("pendingEmail", { email: pending.email, ltr })}
            </p>
            <p className="txt-compact-small text-ui-fg-subtle">
              {t.rich(pending.awaiting === "current_address" ? "pendingAtCurrent" : "pendingAtNew", {
                date: pending.expires.text,
                time: time(pending.expires),
                current: currentEmail ?? "",
                ltr,
              })}
            </p>
          </div>
          <Button
            type="button"
            variant="secondary"
            size="small"
            onClick={cancel}
            aria-disabled={cancelling || undefined}
            className={clx(BUSY_BUTTON, "shrink-0")}
          >
            {cancelling && <Spinner />}
            {cancelling ? t("cancelling") : t("cancelChange")}
          </Button>
        </div>
      )}

      {canEdit ? (
        <form noValidate onSubmit={send} className="flex flex-col gap-y-4">
          <div className="flex flex-col gap-y-1.5">
            <Label htmlFor={inputId} size="small" weight="plus">
              {t("newEmail")}
            </Label>
            <Input
              ref={inputRef}
              id={inputId}
              type="email"
              inputMode="email"
              autoComplete="email"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={EMAIL_MAX}
              // Addresses read left to right in either language.
              dir="ltr"
              value={email}
              onChange={(event) => {
                setEmail(event.target.value)
                if (invalid) {
                  setShown(null)
                }
              }}
              aria-invalid={invalid || undefined}
              aria-describedby={[hintId, invalid && errorId].filter(Boolean).join(" ")}
              className={clx("h-10 text-start", QUIET_UNTIL_SUBMITTED)}
            />
            <Text id={hintId} size="small" className="text-ui-fg-subtle">
              {t("newEmailHint")}
            </Text>
          </div>
          <Button type="submit" variant="primary" size="large" aria-disabled={sending || undefined} className={BUSY_BUTTON}>
            {sending && <Spinner />}
            {sending ? t("sending") : t("sendLink")}
          </Button>
        </form>
      ) : (
        <Text className="text-ui-fg-subtle">{t("emailContactStore")}</Text>
      )}

      {/* Always in place, so what fills them is announced. */}
      <div
        ref={statusRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className="rounded-lg outline-none focus-visible:shadow-borders-focus"
      >
        {outcome?.value.kind === "sent" && (
          <Alert variant="success">
            {t.rich(outcome.value.awaiting === "current_address" ? "sentToCurrent" : "sent", {
              email: outcome.value.email,
              current: currentEmail ?? "",
              date: outcome.value.expires.text,
              ltr,
              time: time(outcome.value.expires),
            })}
          </Alert>
        )}
        {outcome?.value.kind === "cancelled" && (
          <Alert variant="success">
            {currentEmail ? t.rich("cancelled", { email: currentEmail, ltr }) : t("cancelledNoEmail")}
          </Alert>
        )}
      </div>
      <div
        ref={alertRef}
        tabIndex={-1}
        role="alert"
        className="rounded-lg outline-none focus-visible:shadow-borders-focus"
      >
        {shown && (
          <Alert variant="error">
            <p id={shown.problem.kind === "field" ? errorId : undefined}>
              <ProblemMessage problem={shown.problem} />
            </p>
          </Alert>
        )}
      </div>
    </div>
  )
}

function ProblemMessage({ problem }: { problem: Problem }) {
  const t = useTranslations("Profile.emailErrors")
  switch (problem.kind) {
    case "field":
      return t(problem.problem)
    case "refused":
      // The backend's sentence, in English: isolated inside an Arabic page.
      return <bdi dir="auto">{problem.message}</bdi>
    default:
      return <FailureMessage failure={problem.failure} />
  }
}

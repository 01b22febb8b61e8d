"use client"

import { Alert, Button, Input, Label, Text } from "@medusajs/ui"
import { useLocale, useTranslations } from "next-intl"
import { useEffect, useId, useRef, useState, useTransition, type FormEvent, type ReactNode, type Ref } from "react"
import {
  checkProfile,
  NAME_MAX,
  type ProfileField,
  type ProfileInput,
  type ProfileProblem,
} from "@/lib/portal/profile-options"
import type { PortalFailure } from "@/lib/portal/types"
import { FailureMessage } from "./failure-message"
import { callAction, Spinner } from "./license-key-value"

/** What the save action answers. */
export type ProfileSaveResult =
  /** The details as the backend now has them (the phone number in international form). */
  | { status: "saved"; values: ProfileInput }
  | { status: "invalid"; field: ProfileField; problem: ProfileProblem }
  /** The backend's refusal, written for the customer: shown as it is. */
  | { status: "refused"; message: string }
  | { status: "failed"; failure: PortalFailure }
  | { status: "session_ended" }

type Props = {
  /** The details as the page loaded them; a missing one is an empty string. */
  initial: ProfileInput
  saveAction: (input: ProfileInput) => Promise<ProfileSaveResult>
}

/** What the alert under the form says. */
type Problem =
  | { kind: "field"; field: ProfileField; problem: ProfileProblem }
  | { kind: "refused"; message: string }
  | { kind: "failed"; failure: PortalFailure }

// aria-disabled rather than disabled: a busy button keeps its focus, so a screen reader stays on it.
const BUSY_BUTTON = "w-full sm:w-fit aria-disabled:cursor-wait aria-disabled:opacity-70"

/** A number in the page's text, such as the example phone number: Latin digits, left to right. */
const ltr = (chunks: ReactNode) => <bdi dir="ltr">{chunks}</bdi>

/**
 * First name, last name and phone number, with "Save changes". The values are checked here
 * first, so the common mistakes are told in the page's language; the backend checks them again.
 * A problem with one field marks it and takes the focus there; any other takes it to the alert.
 */
export function ProfileDetailsForm({ initial, saveAction }: Props) {
  const t = useTranslations("Profile")
  const locale = useLocale()
  const ids = useId()
  const [values, setValues] = useState<ProfileInput>(initial)
  const [shown, setShown] = useState<{ problem: Problem; focus: boolean } | null>(null)
  const [saved, setSaved] = useState(false)
  const [pending, startSave] = useTransition()
  const alertRef = useRef<HTMLDivElement>(null)
  const fieldRefs = {
    first_name: useRef<HTMLInputElement>(null),
    last_name: useRef<HTMLInputElement>(null),
    phone: useRef<HTMLInputElement>(null),
  }

  // What went wrong takes the focus, so a keyboard or screen reader user lands on it.
  useEffect(() => {
    if (!shown?.focus) {
      return
    }
    if (shown.problem.kind === "field") {
      fieldRefs[shown.problem.field].current?.focus()
    } else {
      alertRef.current?.focus()
    }
  }, [shown])

  function update(field: ProfileField, value: string) {
    setValues((previous) => ({ ...previous, [field]: value }))
    // "Saved" would no longer be true of what the form shows.
    setSaved(false)
    if (shown?.problem.kind === "field" && shown.problem.field === field) {
      setShown(null)
    }
  }

  function showProblem(problem: Problem) {
    setShown({ problem, focus: true })
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (pending) {
      return
    }
    setShown(null)
    setSaved(false)
    const check = checkProfile(values)
    if (!check.ok) {
      return showProblem({ kind: "field", field: check.field, problem: check.problem })
    }
    startSave(async () => {
      const result = await callAction(() => saveAction(check.values))
      switch (result.status) {
        case "saved":
          setValues(result.values)
          setSaved(true)
          return
        case "invalid":
          return showProblem({ kind: "field", field: result.field, problem: result.problem })
        case "refused":
          return showProblem({ kind: "refused", message: result.message })
        case "session_ended":
          // A route handler: it clears the cookie and sends the customer to sign in again.
          return window.location.assign(`/${locale}/portal/session-expired`)
        default:
          return showProblem({ kind: "failed", failure: result.failure })
      }
    })
  }

  const errorId = `${ids}-error`
  const hintId = `${ids}-phone-hint`
  const invalid = (field: ProfileField) => shown?.problem.kind === "field" && shown.problem.field === field
  const describedBy = (field: ProfileField, hint?: string) =>
    [hint, invalid(field) && errorId].filter(Boolean).join(" ") || undefined

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-y-4 text-start">
      <div className="grid gap-4 sm:grid-cols-2">
        <ProfileTextField
          ref={fieldRefs.first_name}
          id={`${ids}-first-name`}
          label={t("firstName")}
          value={values.first_name}
          onChange={(value) => update("first_name", value)}
          autoComplete="given-name"
          invalid={invalid("first_name")}
          describedBy={describedBy("first_name")}
        />
        <ProfileTextField
          ref={fieldRefs.last_name}
          id={`${ids}-last-name`}
          label={t("lastName")}
          value={values.last_name}
          onChange={(value) => update("last_name", value)}
          autoComplete="family-name"
          invalid={invalid("last_name")}
          describedBy={describedBy("last_name")}
        />
      </div>
      {/* Wide enough for an international number, no wider. */}
      <div className="flex flex-col gap-y-1.5 sm:max-w-[16rem]">
        <Label htmlFor={`${ids}-phone`} size="small" weight="plus">
          {t("phone")}
        </Label>
        <Input
          ref={fieldRefs.phone}
          id={`${ids}-phone`}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          spellCheck={false}
          // Phone numbers read left to right in either language.
          dir="ltr"
          value={values.phone}
          onChange={(event) => update("phone", event.target.value)}
          aria-invalid={invalid("phone") || undefined}
          aria-describedby={describedBy("phone", hintId)}
          className="h-10 text-start"
        />
        <Text id={hintId} size="small" className="text-ui-fg-subtle">
          {t.rich("phoneHint", { ltr })}
        </Text>
      </div>

      {/* Always in place, so what fills it is announced. */}
      <div
        ref={alertRef}
        tabIndex={-1}
        role="alert"
        className="rounded-lg outline-none focus-visible:shadow-borders-focus"
      >
        {shown && (
          <Alert variant="error">
            <p id={errorId}>
              <ProblemMessage problem={shown.problem} />
            </p>
          </Alert>
        )}
      </div>

      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <Button
          type="submit"
          variant="primary"
          size="large"
          aria-disabled={pending || undefined}
          className={BUSY_BUTTON}
        >
          {t("save")}
        </Button>
        <div role="status" aria-live="polite" className="txt-compact-small text-ui-fg-subtle">
          {pending ? (
            <span className="flex items-center gap-x-2">
              <Spinner />
              {t("saving")}
            </span>
          ) : saved ? (
            <Alert variant="success">{t("saved")}</Alert>
          ) : null}
        </div>
      </div>
    </form>
  )
}

function ProblemMessage({ problem }: { problem: Problem }) {
  const t = useTranslations("Profile.fieldErrors")
  switch (problem.kind) {
    case "field":
      if (problem.field === "phone") {
        return t.rich("phoneNoCountryCode", { ltr })
      }
      return problem.problem === "too_long"
        ? t("nameTooLong", { max: NAME_MAX })
        : t("nameNotAllowed", { lt: "<", gt: ">" })
    case "refused":
      // The backend's sentence, in English: isolated inside an Arabic page.
      return <bdi dir="auto">{problem.message}</bdi>
    default:
      return <FailureMessage failure={problem.failure} />
  }
}

type ProfileTextFieldProps = {
  ref: Ref<HTMLInputElement>
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  autoComplete: "given-name" | "family-name"
  invalid: boolean
  describedBy: string | undefined
}

/**
 * A name field. No `name`: the fields are only read by the script, so a form sent before the
 * page is ready puts nothing in a URL. A name may be written in any script.
 */
function ProfileTextField({ ref, id, label, value, onChange, autoComplete, invalid, describedBy }: ProfileTextFieldProps) {
  return (
    <div className="flex flex-col gap-y-1.5">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      <Input
        ref={ref}
        id={id}
        type="text"
        autoComplete={autoComplete}
        maxLength={NAME_MAX}
        dir="auto"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className="h-10 text-start"
      />
    </div>
  )
}

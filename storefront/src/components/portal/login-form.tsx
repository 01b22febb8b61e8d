"use client"

import { Alert, Button, clx, Input, Label, Text } from "@medusajs/ui"
import { useTranslations } from "next-intl"
import { useActionState, useEffect, useRef } from "react"
import type { PortalFailure } from "@/lib/portal/types"
import { FailureMessage } from "./failure-message"

export type LoginFormState =
  | { status: "idle" }
  | { status: "sent"; email: string }
  | { status: "invalid"; reason: "missing" | "invalid"; email: string }
  | { status: "failed"; failure: PortalFailure; email: string }

type Props = {
  action: (state: LoginFormState, formData: FormData) => Promise<LoginFormState>
}

const EMAIL_ID = "portal-login-email"
const ERROR_ID = "portal-login-email-error"

// Medusa's Input paints every :invalid field red, so an empty required field would look wrong
// before anyone typed. Only our aria-invalid (set after a refused submit) shows the error.
export const QUIET_UNTIL_SUBMITTED = clx(
  "[&:invalid:not([aria-invalid=true])]:!shadow-borders-base",
  "[&:invalid:not([aria-invalid=true]):focus-visible]:!shadow-borders-interactive-with-active"
)

export function LoginForm({ action }: Props) {
  const t = useTranslations("Login")
  const [state, formAction, pending] = useActionState(action, { status: "idle" })
  const statusRef = useRef<HTMLDivElement>(null)
  const emailRef = useRef<HTMLInputElement>(null)

  // Move focus to what changed, so a screen reader or keyboard user lands on the answer.
  useEffect(() => {
    if (state.status === "invalid") {
      emailRef.current?.focus()
    } else if (state.status !== "idle") {
      statusRef.current?.focus()
    }
  }, [state])

  const invalid = state.status === "invalid"

  return (
    <div className="flex w-full flex-col gap-y-6">
      <form action={formAction} className="flex w-full flex-col gap-y-4">
        <div className="flex flex-col gap-y-2">
          <Label htmlFor={EMAIL_ID} weight="plus">
            {t("emailLabel")}
          </Label>
          <Input
            ref={emailRef}
            id={EMAIL_ID}
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            required
            dir="ltr"
            defaultValue={state.status === "idle" ? "" : state.email}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? ERROR_ID : undefined}
            className={clx("h-10 text-start", QUIET_UNTIL_SUBMITTED)}
          />
          {invalid && (
            <Text id={ERROR_ID} size="small" className="text-ui-fg-error">
              {state.reason === "missing" ? t("missingEmail") : t("invalidEmail")}
            </Text>
          )}
        </div>
        <Button type="submit" variant="primary" size="large" isLoading={pending} className="w-full sm:w-fit">
          {t("submit")}
        </Button>
      </form>
      <div ref={statusRef} tabIndex={-1} role="status" aria-live="polite" className="rounded-lg outline-none focus-visible:shadow-borders-focus">
        {state.status === "sent" && (
          <Alert variant="success">
            <p className="txt-compact-small-plus">{t("sent")}</p>
            <p className="txt-compact-small mt-1 text-ui-fg-subtle">{t("sentHint")}</p>
          </Alert>
        )}
        {state.status === "failed" && (
          <Alert variant="error">
            <FailureMessage failure={state.failure} />
          </Alert>
        )}
      </div>
    </div>
  )
}

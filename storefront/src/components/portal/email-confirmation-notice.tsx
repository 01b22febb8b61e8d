"use client"

import { Button, Text } from "@medusajs/ui"
import { useLocale, useTranslations } from "next-intl"
import { useActionState, useEffect, useRef, type ReactNode } from "react"
import type { PortalFailure } from "@/lib/portal/types"
import { FailureMessage } from "./failure-message"

/** What "Send me a link" answers. */
export type EmailConfirmationResult =
  | { status: "sent"; email: string }
  | { status: "too_soon"; retryAfter: number | null }
  | { status: "failed"; failure: PortalFailure }
  | { status: "session_ended" }

type Props = { action: () => Promise<EmailConfirmationResult> }

const HEADING_ID = "email-confirmation-heading"

/** An address keeps its order and Latin letters inside Arabic text. */
const ltr = (chunks: ReactNode) => <bdi dir="ltr">{chunks}</bdi>

/**
 * Shown on every signed-in page while the session has not shown it holds the customer's address
 * (it came from a link the store handed over, not one it emailed). Purchases made with the address
 * under another record stay hidden until then; whether there are any is not said, since the
 * person reading may not own the address. "Send me a link" emails one; opened in this browser,
 * everything bought with the address shows, now and next time.
 */
export function EmailConfirmationNotice({ action }: Props) {
  const t = useTranslations("EmailConfirmation")
  const locale = useLocale()
  const [state, submit, pending] = useActionState(async () => action(), null)
  const statusRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (state?.status === "session_ended") {
      window.location.assign(`/${locale}/portal/session-expired`)
    } else if (state) {
      statusRef.current?.focus()
    }
  }, [state, locale])

  return (
    <section
      aria-labelledby={HEADING_ID}
      className="mb-8 flex flex-col gap-3 rounded-lg border border-ui-border-base bg-ui-bg-subtle p-4 text-start sm:flex-row sm:items-start sm:justify-between"
    >
      <div className="flex min-w-0 flex-col gap-y-1">
        <h2 id={HEADING_ID} className="txt-compact-medium-plus text-ui-fg-base">
          {t("heading")}
        </h2>
        <Text size="small" className="text-ui-fg-subtle">
          {t("body")}
        </Text>
        <div ref={statusRef} tabIndex={-1} role="status" aria-live="polite" className="rounded outline-none focus-visible:shadow-borders-focus">
          {state?.status === "sent" && (
            <Text size="small" className="text-ui-fg-base">
              {t.rich("sent", { email: state.email, ltr })}
            </Text>
          )}
          {state?.status === "too_soon" && (
            <Text size="small" className="text-ui-fg-error">
              {t("tooSoon", { seconds: state.retryAfter ?? 60 })}
            </Text>
          )}
          {state?.status === "failed" && (
            <Text size="small" className="text-ui-fg-error">
              <FailureMessage failure={state.failure} />
            </Text>
          )}
        </div>
      </div>
      {state?.status !== "sent" && (
        <form action={submit} className="shrink-0">
          <Button type="submit" variant="secondary" size="small" isLoading={pending} className="w-full sm:w-fit">
            {t("send")}
          </Button>
        </form>
      )}
    </section>
  )
}

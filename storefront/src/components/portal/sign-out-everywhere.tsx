"use client"

import { Alert, Button, Text } from "@medusajs/ui"
import { useTranslations } from "next-intl"
import { useActionState } from "react"
import type { PortalFailure } from "@/lib/portal/types"
import { FailureMessage } from "./failure-message"

type Props = { action: () => Promise<{ status: "failed"; failure: PortalFailure }> }

/**
 * "Sign out everywhere": ends the customer's sessions on every device, this one too. On success
 * the action sends the customer to the sign-in page; a failure stays here and says why.
 */
export function SignOutEverywhere({ action }: Props) {
  const t = useTranslations("Activity")
  const [state, submit, pending] = useActionState(async () => action(), null)

  return (
    <form action={submit} className="flex flex-col gap-y-3">
      <Text className="text-ui-fg-subtle">{t("signOutEverywhereHint")}</Text>
      {state?.status === "failed" && (
        <Alert variant="error">
          <FailureMessage failure={state.failure} />
        </Alert>
      )}
      <Button type="submit" variant="secondary" className="w-full sm:w-fit" isLoading={pending} aria-disabled={pending}>
        {t("signOutEverywhere")}
      </Button>
    </form>
  )
}

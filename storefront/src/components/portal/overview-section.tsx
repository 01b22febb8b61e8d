import { Alert, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "@/i18n/navigation"
import type { PortalFailure } from "@/lib/portal/types"
import { FailureMessage } from "./failure-message"
import { SUBSCRIPTION_LINK } from "./subscription-summary"

/** A row of an overview list: title and status on top, details under them. */
export const OVERVIEW_ROW = "grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-1 p-4"

/**
 * One section of the account overview: its heading with the way to the full
 * page, then what failed to load, or `empty` when there is nothing, or the
 * rows (`children`, list items) in one card.
 */
export function OverviewSection({
  id,
  heading,
  viewAll,
  failure,
  empty,
  children,
}: {
  id: string
  heading: string
  viewAll: { href: string; label: string }
  failure?: PortalFailure
  /** Said instead of the list when it has no rows; null when it has some. */
  empty: string | null
  children?: ReactNode
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <Heading level="h2" id={`${id}-heading`}>
          {heading}
        </Heading>
        <Link href={viewAll.href} className={SUBSCRIPTION_LINK}>
          {viewAll.label}
        </Link>
      </div>
      {failure ? (
        <Alert variant="error">
          <FailureMessage failure={failure} />
        </Alert>
      ) : empty !== null ? (
        <Text className="text-ui-fg-subtle">{empty}</Text>
      ) : (
        <ul className="divide-y divide-ui-border-base overflow-hidden rounded-lg bg-ui-bg-base shadow-elevation-card-rest">{children}</ul>
      )}
    </section>
  )
}

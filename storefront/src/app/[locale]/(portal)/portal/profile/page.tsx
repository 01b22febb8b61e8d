import { Alert, Heading, Text } from "@medusajs/ui"
import { getFormatter, getTranslations } from "next-intl/server"
import { FailureMessage } from "@/components/portal/failure-message"
import { PortalShell } from "@/components/portal/portal-shell"
import { ProfileDetailsForm } from "@/components/portal/profile-details-form"
import { ProfileEmail, type PendingEmailChange } from "@/components/portal/profile-email"
import { RecentActivity } from "@/components/portal/recent-activity"
import { SignOutEverywhere } from "@/components/portal/sign-out-everywhere"
import { SupportLine } from "@/components/portal/support-line"
import { getMe, listActivity, toFailure } from "@/lib/portal"
import { LINK_EXPIRY_FORMAT } from "@/lib/portal/profile-options"
import type { PortalActivity, PortalCustomer, PortalEmailChange, PortalFailure } from "@/lib/portal/types"
import {
  cancelEmailChangeAction,
  requestEmailChangeAction,
  signOutAction,
  signOutEverywhereAction,
  updateProfileAction,
} from "../actions"
import { isSessionEnded, requireSession } from "../billing/signed-in"
import { redirectToPortal } from "@/lib/portal/redirect-to-portal"

type Props = { params: Promise<{ locale: string }> }

/**
 * The customer's profile (P4): name and phone number, changed in place, and the email address,
 * which changes only once the customer opens the link sent to the new one. A store that does
 * not allow changes gets the details to read and whom to ask.
 */
export default async function ProfilePage({ params }: Props) {
  const session = await requireSession((await params).locale)
  const [me, activity] = await Promise.allSettled([getMe(session.token), listActivity(session.token, { limit: 10 })])
  if (isSessionEnded(me)) {
    // A page cannot change cookies: this route handler clears the stale one, then sends the customer on.
    redirectToPortal(session.locale, "/portal/session-expired")
  }
  const t = await getTranslations("Profile")
  const testMode = me.status === "fulfilled" ? me.value.session.mode === "test" : undefined

  return (
    <PortalShell business={session.business} testMode={testMode} signOutAction={signOutAction}>
      <div className="flex max-w-xl flex-col gap-y-10 text-start">
        <div className="flex flex-col gap-y-2">
          <Heading level="h1">{t("heading")}</Heading>
          <Text className="text-ui-fg-subtle">{t("intro")}</Text>
        </div>
        {me.status === "fulfilled" ? (
          <ProfileSections
            customer={me.value.customer}
            // A backend without the profile block reads as one that allows no changes.
            canEdit={me.value.profile?.can_edit === true}
            pending={me.value.profile?.pending_email_change ?? null}
            supportEmail={session.business?.support_email ?? null}
            activity={activity.status === "fulfilled" ? activity.value.activity : { failure: toFailure(activity.reason) }}
          />
        ) : (
          <Alert variant="error">
            <FailureMessage failure={toFailure(me.reason)} />
          </Alert>
        )}
      </div>
    </PortalShell>
  )
}

type SectionsProps = {
  customer: PortalCustomer
  canEdit: boolean
  pending: PortalEmailChange | null
  supportEmail: string | null
  activity: PortalActivity[] | { failure: PortalFailure }
}

async function ProfileSections({ customer, canEdit, pending, supportEmail, activity }: SectionsProps) {
  const t = await getTranslations("Profile")
  const tActivity = await getTranslations("Activity")
  const format = await getFormatter()
  const expires = pending ? new Date(pending.expires_at) : null
  const pendingChange: PendingEmailChange | null =
    pending && expires && !Number.isNaN(expires.getTime())
      ? {
          email: pending.email,
          awaiting: pending.awaiting === "current_address" ? "current_address" : "new_address",
          expires: { iso: expires.toISOString(), text: format.dateTime(expires, LINK_EXPIRY_FORMAT) },
        }
      : null

  return (
    <>
      <section aria-labelledby="profile-details-heading" className="flex flex-col gap-y-4">
        <Heading level="h2" id="profile-details-heading">
          {t("details")}
        </Heading>
        {canEdit ? (
          <ProfileDetailsForm
            initial={{
              first_name: customer.first_name ?? "",
              last_name: customer.last_name ?? "",
              phone: customer.phone ?? "",
            }}
            saveAction={updateProfileAction}
          />
        ) : (
          <ReadOnlyDetails customer={customer} supportEmail={supportEmail} />
        )}
      </section>

      <section aria-labelledby="profile-email-heading" className="flex flex-col gap-y-4">
        <Heading level="h2" id="profile-email-heading">
          {t("email")}
        </Heading>
        <ProfileEmail
          currentEmail={customer.email}
          pending={pendingChange}
          canEdit={canEdit}
          requestAction={requestEmailChangeAction}
          cancelAction={cancelEmailChangeAction}
        />
      </section>

      <section aria-labelledby="profile-activity-heading" className="flex flex-col gap-y-4">
        <Heading level="h2" id="profile-activity-heading">
          {tActivity("heading")}
        </Heading>
        {Array.isArray(activity) ? (
          <RecentActivity entries={activity} />
        ) : (
          <Alert variant="error">
            <FailureMessage failure={activity.failure} />
          </Alert>
        )}
        <SignOutEverywhere action={signOutEverywhereAction} />
      </section>
    </>
  )
}

async function ReadOnlyDetails({ customer, supportEmail }: { customer: PortalCustomer; supportEmail: string | null }) {
  const t = await getTranslations("Profile")
  const rows = [
    { label: t("firstName"), value: customer.first_name?.trim() ? <bdi dir="auto">{customer.first_name}</bdi> : null },
    { label: t("lastName"), value: customer.last_name?.trim() ? <bdi dir="auto">{customer.last_name}</bdi> : null },
    { label: t("phone"), value: customer.phone?.trim() ? <bdi dir="ltr">{customer.phone}</bdi> : null },
  ]

  return (
    <div className="flex flex-col gap-y-4">
      <dl className="divide-y divide-ui-border-base overflow-hidden rounded-lg bg-ui-bg-base shadow-elevation-card-rest">
        {rows.map((row) => (
          <div key={row.label} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:gap-x-4">
            <dt className="txt-compact-small-plus text-ui-fg-subtle sm:w-40 sm:shrink-0">{row.label}</dt>
            <dd className="txt-compact-small min-w-0 break-words text-ui-fg-base">
              {row.value ?? <span className="text-ui-fg-muted">{t("notGiven")}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <Text className="text-ui-fg-subtle">{t("contactStore")}</Text>
      <SupportLine email={supportEmail} />
    </div>
  )
}

import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { emailLocale } from "./messages"
import { renderPortalEmail, type EmailDetails, type PortalEmailTemplate } from "./render-portal-email"

export type PortalEmailInput = {
  to: string
  template: PortalEmailTemplate
  locale: string
  customer_id: string
  customer_name?: string | null
  store: { name: string; logo_url?: string | null; accent_color?: string | null; support_email?: string | null }
  /** The portal address the email's button opens: a one-time link, or the static sign-in page. */
  link: string
  /** A Date, or its ISO string once it has crossed a workflow step boundary; null for the static sign-in page. */
  expires_at: Date | string | null
  details?: EmailDetails | null
}

/**
 * Sends a portal email through Medusa's Notification Module, on the `email`
 * channel, to whichever provider the store configured. The link travels only
 * in the rendered `content`, which the Notification Module hands to the
 * provider and does not store (its `notification` table has no column for
 * it); the stored `data` holds nothing secret. A one-time link's token is
 * made in the step that calls this, so it is in no workflow's input or result.
 */
export async function sendPortalEmail(container: MedusaContainer, input: PortalEmailInput): Promise<string | null> {
  const locale = emailLocale(input.locale)
  const expiresAt = input.expires_at ? new Date(input.expires_at) : null
  const content = renderPortalEmail({ ...input, locale, expires_at: expiresAt })
  const notifications = container.resolve(Modules.NOTIFICATION)
  const [notification] = await notifications.createNotifications([
    {
      to: input.to,
      channel: "email",
      template: input.template,
      content,
      data: { locale, customer_id: input.customer_id, expires_at: expiresAt?.toISOString() ?? null },
      trigger_type: input.template,
      resource_type: "customer",
      resource_id: input.customer_id,
    },
  ])
  return notification?.id ?? null
}

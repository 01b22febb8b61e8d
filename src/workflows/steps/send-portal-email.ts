import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { emailLocale } from "../../emails/messages"
import { renderPortalEmail, type EmailDetails, type PortalEmailTemplate } from "../../emails/render-portal-email"

export type SendPortalEmailStepInput = {
  to: string
  template: PortalEmailTemplate
  locale: string
  customer_id: string
  customer_name?: string | null
  store: { name: string; logo_url?: string | null; accent_color?: string | null; support_email?: string | null }
  link: string
  /** A Date, or its ISO string once it has crossed a workflow step boundary; null for the static sign-in page. */
  expires_at: Date | string | null
  details?: EmailDetails | null
}

export const sendPortalEmailStepId = "send-portal-email"

/**
 * Sends a portal email through Medusa's Notification Module, on the `email`
 * channel, to whichever provider the store configured. The link travels only
 * in the rendered content, which the Notification Module hands to the provider
 * and does not store; the stored `data` holds nothing secret.
 */
export async function sendPortalEmail(container: MedusaContainer, input: SendPortalEmailStepInput): Promise<string | null> {
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

/** `sendPortalEmail` as a workflow step. An email once sent cannot be taken back: nothing to undo. */
export const sendPortalEmailStep = createStep(sendPortalEmailStepId, async (input: SendPortalEmailStepInput, { container }) => {
  return new StepResponse({ notification_id: await sendPortalEmail(container, input) })
})

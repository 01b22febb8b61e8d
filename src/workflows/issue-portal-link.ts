import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { portalLocale } from "../lib/portal-links"
import { ensureCustomerPortalWorkflow } from "./ensure-customer-portal"
import { PortalEvents } from "./events"
import { chooseLinkRecipientStep } from "./steps/choose-link-recipient"
import { issueMagicLinkStep } from "./steps/issue-magic-link"
import { revokePortalAccessStep } from "./steps/revoke-portal-access"
import type { EmailDetails, PortalEmailTemplate } from "../emails/render-portal-email"

export type IssuePortalLinkWorkflowInput = {
  customer_id: string
  purpose?: "sign_in" | "invite" | "confirm_email"
  issued_by_type: "admin_user" | "api_key" | "customer_request" | "system"
  issued_by_id?: string | null
  send_email?: boolean
  locale?: string
  /** The mode of the records the link's session sees: the form a customer's request came through (A2), or the merchant's choice; the portal's current mode otherwise. */
  mode?: "test" | "live"
  /** The email that carries the link, when not the one of its purpose (e.g. a failed renewal's). */
  email_template?: PortalEmailTemplate
  /** What that email is about (an amount, an invoice, a plan). */
  email_details?: EmailDetails | null
  /** The session that asked for the link (a `confirm_email` link proves the address for it). */
  requested_by_session_id?: string | null
  /**
   * A link handed to someone (not emailed): the SHA-256 of a token the caller made. The caller
   * builds the link from its token (`portalAccessUrl`, with the `mode` and `locale` this answers),
   * so no raw token is in the workflow's input or result. An emailed link's token is made and
   * sent inside the step that issues it.
   */
  token_hash?: string | null
}

export const issuePortalLinkWorkflowId = "issue-portal-link"

/** The email that carries a link, unless the caller names another. */
const EMAIL_OF_PURPOSE: Record<NonNullable<IssuePortalLinkWorkflowInput["purpose"]>, PortalEmailTemplate> = {
  sign_in: "portal-sign-in",
  invite: "portal-invite",
  confirm_email: "email-confirm",
}

/**
 * Issues a one-time portal link for a customer (A3) and, when asked, emails
 * it to them (S3). Links the customer requested by email live 15 minutes and
 * replace that customer's older unused emailed links; links made by the
 * merchant (admin or API) live 24 hours. An emailed link proves the address
 * once used, and signs into the record that acts for it (see
 * `chooseLinkRecipientStep`); a link that is not emailed proves nothing.
 * No raw token is in its input or result: an emailed link's token is made
 * and sent within one step; a link handed to someone comes as the hash of the
 * caller's token. Unknown customers are NOT_FOUND.
 */
export const issuePortalLinkWorkflow = createWorkflow(issuePortalLinkWorkflowId, (input: IssuePortalLinkWorkflowInput) => {
  const recipient = chooseLinkRecipientStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, send_email: !!input.send_email })))
  const portal = ensureCustomerPortalWorkflow.runAsStep({ input: {} })

  const linkInput = transform({ input, portal, recipient }, ({ input, portal, recipient }) => {
    const locale = portalLocale(input.locale, portalLocale(portal.default_locale))
    return {
      portal: { id: portal.id, mode: input.mode ?? portal.mode },
      customer_id: recipient.customer_id,
      purpose: input.purpose ?? "sign_in",
      issued_by_type: input.issued_by_type,
      issued_by_id: input.issued_by_id,
      locale,
      sent_to_email: recipient.sent_to_email,
      requested_by_session_id: input.requested_by_session_id ?? null,
      token_hash: input.send_email ? null : (input.token_hash ?? null),
      // The email is sent by the step that makes the link's token, which then exists only there.
      email: input.send_email
        ? {
            to: recipient.to!,
            template: input.email_template ?? EMAIL_OF_PURPOSE[input.purpose ?? "sign_in"],
            locale,
            customer_id: recipient.customer_id,
            customer_name: recipient.customer_name,
            store: { name: portal.name, logo_url: portal.logo_url, accent_color: portal.accent_color, support_email: portal.support_email },
            details: input.email_details ?? null,
          }
        : null,
    }
  })
  const link = issueMagicLinkStep(linkInput)

  when({ input }, ({ input }) => input.issued_by_type === "customer_request").then(() => {
    const older = transform({ recipient, link }, ({ recipient, link }) => ({
      customer_ids: [recipient.customer_id],
      links_issued_by: ["customer_request" as const],
      except_link_id: link.link_id,
      sessions: false,
    }))
    revokePortalAccessStep(older).config({ name: "revoke-older-emailed-links" })
  })

  const event = transform({ input, link, recipient }, ({ input, link, recipient }) => ({
    customer_id: recipient.customer_id,
    purpose: input.purpose ?? "sign_in",
    issued_by_type: input.issued_by_type,
    expires_at: link.expires_at,
  }))
  emitEventStep({ eventName: PortalEvents.LINK_ISSUED, data: event })

  return new WorkflowResponse(
    transform({ link, recipient, linkInput }, ({ link, recipient, linkInput }) => ({
      link_id: link.link_id,
      expires_at: link.expires_at,
      customer_id: recipient.customer_id,
      emailed: !!recipient.to,
      mode: linkInput.portal.mode,
      locale: linkInput.locale,
    }))
  )
})

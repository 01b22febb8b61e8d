import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { portalLocale } from "../lib/portal-links"
import { ensureCustomerPortalWorkflow } from "./ensure-customer-portal"
import { PortalEvents } from "./events"
import { issueMagicLinkStep } from "./steps/issue-magic-link"
import { revokePortalAccessStep } from "./steps/revoke-portal-access"
import { sendPortalEmailStep } from "./steps/send-portal-email"
import type { EmailDetails, PortalEmailTemplate } from "../emails/render-portal-email"

export type IssuePortalLinkWorkflowInput = {
  customer_id: string
  purpose?: "sign_in" | "invite"
  issued_by_type: "admin_user" | "api_key" | "customer_request" | "system"
  issued_by_id?: string | null
  send_email?: boolean
  locale?: string
  /** The static link's form the customer came through (A2); the portal's current mode otherwise. */
  mode?: "test" | "live"
  /** The email that carries the link, when not the one of its purpose (e.g. a failed renewal's). */
  email_template?: PortalEmailTemplate
  /** What that email is about (an amount, an invoice, a plan). */
  email_details?: EmailDetails | null
}

export const issuePortalLinkWorkflowId = "issue-portal-link"

/**
 * Issues a one-time portal link for a customer (A3) and, when asked, emails
 * it to them (S3). Links the customer requested by email live 15 minutes and
 * replace that customer's older unused emailed links; links made by the
 * merchant (admin or API) live 24 hours. Unknown customers are NOT_FOUND.
 */
export const issuePortalLinkWorkflow = createWorkflow(issuePortalLinkWorkflowId, (input: IssuePortalLinkWorkflowInput) => {
  const { data: customers } = useQueryGraphStep({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name"],
    filters: { id: input.customer_id },
    options: { throwIfKeyNotFound: true },
  }).config({ name: "get-portal-customer" })
  const portal = ensureCustomerPortalWorkflow.runAsStep({ input: {} })

  const linkInput = transform({ input, portal }, ({ input, portal }) => ({
    portal: { id: portal.id, mode: input.mode ?? portal.mode },
    customer_id: input.customer_id,
    purpose: input.purpose ?? "sign_in",
    issued_by_type: input.issued_by_type,
    issued_by_id: input.issued_by_id,
    locale: portalLocale(input.locale, portalLocale(portal.default_locale)),
  }))
  const link = issueMagicLinkStep(linkInput)

  when({ input }, ({ input }) => !!input.send_email).then(() => {
    const email = transform({ input, customers, portal, link, linkInput }, ({ input, customers, portal, link, linkInput }) => {
      const customer = customers[0]
      const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ")
      return {
        to: customer.email,
        template: input.email_template ?? ((input.purpose === "invite" ? "portal-invite" : "portal-sign-in") as PortalEmailTemplate),
        locale: linkInput.locale,
        customer_id: customer.id,
        customer_name: name || null,
        store: { name: portal.name, logo_url: portal.logo_url, accent_color: portal.accent_color, support_email: portal.support_email },
        link: link.url,
        expires_at: link.expires_at,
        details: input.email_details ?? null,
      }
    })
    sendPortalEmailStep(email)
  })

  when({ input }, ({ input }) => input.issued_by_type === "customer_request").then(() => {
    const older = transform({ input, link }, ({ input, link }) => ({
      customer_ids: [input.customer_id],
      links_issued_by: ["customer_request" as const],
      except_link_id: link.link_id,
      sessions: false,
    }))
    revokePortalAccessStep(older).config({ name: "revoke-older-emailed-links" })
  })

  const event = transform({ input, link }, ({ input, link }) => ({
    customer_id: input.customer_id,
    purpose: input.purpose ?? "sign_in",
    issued_by_type: input.issued_by_type,
    expires_at: link.expires_at,
  }))
  emitEventStep({ eventName: PortalEvents.LINK_ISSUED, data: event })

  return new WorkflowResponse({ link: link.url, expires_at: link.expires_at })
})

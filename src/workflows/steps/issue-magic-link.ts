import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clock } from "../../lib/clock"
import { portalAccessUrl } from "../../lib/portal-links"
import { generateToken, hashToken } from "../../lib/tokens"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"

export type IssueMagicLinkStepInput = {
  portal: { id: string; mode: "test" | "live" }
  customer_id: string
  purpose: "sign_in" | "invite" | "payment_recovery" | "confirm_email"
  issued_by_type: "admin_user" | "api_key" | "customer_request" | "system"
  issued_by_id?: string | null
  locale: string
  /** The normalised address the link is emailed to; null for a link handed to someone. */
  sent_to_email?: string | null
  requested_by_session_id?: string | null
}

export const issueMagicLinkStepId = "issue-magic-link"

/**
 * Makes a one-time link: a 256-bit token of which only the SHA-256 is stored.
 * The raw token exists only in the URL this step returns. Lifetime: 15 minutes
 * (configurable) when the customer asked for it by email, 24 hours otherwise.
 * `sent_to_email` marks a link that is emailed: only such a link proves the
 * address when used.
 */
export const issueMagicLinkStep = createStep(
  issueMagicLinkStepId,
  async (input: IssueMagicLinkStepInput, { container }) => {
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const options = service.getOptions()
    const token = generateToken()
    const ttl = input.issued_by_type === "customer_request" ? options.emailLinkTtlMs : options.merchantLinkTtlMs
    const expires_at = new Date(clock.now().getTime() + ttl)
    const link = await service.createPortalLinks({
      portal_id: input.portal.id,
      kind: "magic",
      mode: input.portal.mode,
      customer_id: input.customer_id,
      token_hash: hashToken(token),
      purpose: input.purpose,
      issued_by_type: input.issued_by_type,
      issued_by_id: input.issued_by_id ?? null,
      expires_at,
      sent_to_email: input.sent_to_email ?? null,
      requested_by_session_id: input.requested_by_session_id ?? null,
    })
    const url = portalAccessUrl(options, input.portal.mode, input.locale, token)
    return new StepResponse({ link_id: link.id, url, expires_at }, link.id)
  },
  async (linkId, { container }) => {
    if (!linkId) return
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    await service.deletePortalLinks(linkId)
  }
)

import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sendPortalEmail, type PortalEmailInput } from "../../emails/send-portal-email"
import { clock } from "../../lib/clock"
import { portalAccessUrl } from "../../lib/portal-links"
import { generateToken, hashToken, isTokenHash } from "../../lib/tokens"
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
  /** An emailed link: the email that carries it (its link is added here). */
  email?: Omit<PortalEmailInput, "link" | "expires_at"> | null
  /** A link handed to someone: the SHA-256 of the token its caller made, and builds the link from. */
  token_hash?: string | null
}

export const issueMagicLinkStepId = "issue-magic-link"

/**
 * Makes a one-time link of which only the token's SHA-256 is stored. An
 * emailed link's 256-bit token is made here and put in the email this step
 * sends, and exists nowhere else: not in this step's result, nor in any
 * workflow checkpoint. A link handed to someone comes with the hash of a
 * token its caller made (see the admin's portal-sessions route). Lifetime: 15
 * minutes (configurable) when the customer asked for it by email, 24 hours
 * otherwise. `sent_to_email` marks a link that is emailed: only such a link
 * proves the address when used. A link whose email cannot be sent is removed.
 */
export const issueMagicLinkStep = createStep(
  issueMagicLinkStepId,
  async (input: IssueMagicLinkStepInput, { container }) => {
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const options = service.getOptions()
    const token = input.email ? generateToken() : null
    const tokenHash = token ? hashToken(token) : input.token_hash
    if (!isTokenHash(tokenHash)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "A link that is not emailed needs the SHA-256 of the token it is handed over with.")
    }
    const ttl = input.issued_by_type === "customer_request" ? options.emailLinkTtlMs : options.merchantLinkTtlMs
    const expires_at = new Date(clock.now().getTime() + ttl)
    const link = await service.createPortalLinks({
      portal_id: input.portal.id,
      kind: "magic",
      mode: input.portal.mode,
      customer_id: input.customer_id,
      token_hash: tokenHash,
      purpose: input.purpose,
      issued_by_type: input.issued_by_type,
      issued_by_id: input.issued_by_id ?? null,
      expires_at,
      sent_to_email: input.sent_to_email ?? null,
      requested_by_session_id: input.requested_by_session_id ?? null,
    })
    let notification_id: string | null = null
    if (input.email && token) {
      try {
        notification_id = await sendPortalEmail(container, { ...input.email, link: portalAccessUrl(options, input.portal.mode, input.locale, token), expires_at })
      } catch (error) {
        // No link is left that nobody received; an email once sent cannot be taken back, so nothing else to undo.
        await service.deletePortalLinks(link.id)
        throw error
      }
    }
    return new StepResponse({ link_id: link.id, expires_at, notification_id }, link.id)
  },
  async (linkId, { container }) => {
    if (!linkId) return
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    await service.deletePortalLinks(linkId)
  }
)

import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { EmailDetails, PortalEmailTemplate } from "../../emails/render-portal-email"
import { clock } from "../../lib/clock"
import { normalizeEmail } from "../../lib/customer-records"
import { addressInUse, EMAIL_CHANGE_TTL_MS, EMAIL_CHANGE_UNDO_TTL_MS, type EmailChangeAwaiting } from "../../lib/email-change"
import { maskEmail } from "../../lib/identity"
import { emailChangeUrl, staticLoginUrl } from "../../lib/portal-links"
import { generateToken, hashToken } from "../../lib/tokens"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import { sendPortalEmail } from "../../emails/send-portal-email"

export type SendEmailChangeStepInput = {
  portal: { id: string; mode: "test" | "live" }
  customer_id: string
  /**
   * `authorize`: ask the current address to confirm the change first;
   * `verify`: ask the new address to confirm it; `undo`: tell the old
   * address the change was made, with a link that puts it back.
   */
  stage: "authorize" | "verify" | "undo"
  /** The new address (`authorize`, `verify`), or the old one, to put back (`undo`). */
  email: string
  /** For `undo`: the address the account uses now. */
  changed_to?: string | null
  requested_by_session_id?: string | null
  locale: string
}

const PURPOSE = { authorize: "email_change_authorize", verify: "email_change", undo: "email_change_undo" } as const

/**
 * One step of an email change: a link of its purpose (only its SHA-256 kept)
 * and the email that carries it. The token is made, put in the email and
 * forgotten within this step, so no step's input or result has it. When the
 * new address is in use by another customer record, the pending change is
 * recorded all the same — its link's token is thrown away — and that address
 * is told it cannot be used, so the customer's answer and pending state are
 * the same either way. Undone by removing the link (an email once sent cannot
 * be taken back).
 */
export const sendEmailChangeStep = createStep(
  "send-email-change",
  async (input: SendEmailChangeStepInput, { container }) => {
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: input.customer_id }, { select: ["id", "email", "first_name", "last_name"], take: 1 })
    if (!customer?.email) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This customer has no email address to change.")
    const portal = await service.retrieveCustomerPortal(input.portal.id)
    const now = clock.now()
    const expires_at = new Date(now.getTime() + (input.stage === "undo" ? EMAIL_CHANGE_UNDO_TTL_MS : EMAIL_CHANGE_TTL_MS))
    const inUse = input.stage === "verify" && (await addressInUse(container, input.email, customer.id))
    // The current address confirms first; then the new one; an undo goes to the old one.
    const to = input.stage === "authorize" ? customer.email : input.email
    const token = generateToken()
    const link = await service.createPortalLinks({
      portal_id: input.portal.id,
      kind: "magic",
      mode: input.portal.mode,
      customer_id: customer.id,
      token_hash: hashToken(token),
      purpose: PURPOSE[input.stage],
      issued_by_type: input.stage === "undo" ? "system" : "customer_request",
      expires_at,
      new_email: input.email,
      sent_to_email: normalizeEmail(to),
      requested_by_session_id: input.requested_by_session_id ?? null,
      metadata: input.stage === "undo" ? { changed_to: input.changed_to } : null,
    })
    const message = messageFor(input.stage, inUse, {
      link: inUse ? staticLoginUrl(service.getOptions(), portal, input.portal.mode, input.locale) : emailChangeUrl(service.getOptions(), input.portal.mode, input.locale, token),
      details: input.stage === "authorize" ? { email: input.email } : input.stage === "undo" ? { email: input.changed_to } : { account: maskEmail(customer.email) },
    })
    const store = { name: portal.name, logo_url: portal.logo_url, accent_color: portal.accent_color, support_email: portal.support_email }
    // The greeting names the customer only to their own address; the new one may be anybody's.
    const customer_name = input.stage === "verify" ? null : [customer.first_name, customer.last_name].filter(Boolean).join(" ") || null
    await sendPortalEmail(container, { ...message, to, locale: input.locale, customer_id: customer.id, customer_name, expires_at, store })
    const awaiting: EmailChangeAwaiting = input.stage === "authorize" ? "current_address" : "new_address"
    return new StepResponse({ link_id: link.id, email: input.email, expires_at, awaiting }, link.id)
  },
  async (linkId, { container }) => {
    if (!linkId) return
    await container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE).deletePortalLinks(linkId)
  }
)

function messageFor(stage: SendEmailChangeStepInput["stage"], inUse: boolean, content: { link: string; details: EmailDetails }) {
  const template: PortalEmailTemplate =
    stage === "authorize" ? "email-change-authorize" : stage === "undo" ? "email-changed" : inUse ? "email-change-unavailable" : "email-change-verify"
  return { template, ...content }
}

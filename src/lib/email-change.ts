import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { updateCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { emailLocale } from "../emails/messages"
import { renderPortalEmail, type PortalEmailTemplate } from "../emails/render-portal-email"
import { CUSTOMER_PORTAL_MODULE } from "../modules/customer-portal"
import type CustomerPortalModuleService from "../modules/customer-portal/service"
import { clock } from "./clock"
import { portalLocale, staticLoginUrl } from "./portal-links"
import { generateToken, hashToken } from "./tokens"

/** How long the link to confirm a new address works. */
export const EMAIL_CHANGE_TTL_MS = 24 * 3_600_000

export const EMAIL_CHANGE_LINK_INVALID = "This link is invalid or has expired. Ask for a new one from your profile."
export const EMAIL_TAKEN = "This email address can no longer be used. Choose another one from your profile."

/** Whether another customer account already uses the address (guest records share emails freely). */
export async function emailTakenByAnotherAccount(container: MedusaContainer, email: string, customerId: string): Promise<boolean> {
  const others = await container.resolve(Modules.CUSTOMER).listCustomers({ email, has_account: true }, { select: ["id"], take: 5 })
  return others.some((c) => c.id !== customerId)
}

/** Where a new address is confirmed: a page that asks first (the GET never consumes the link). */
export function emailVerificationUrl(service: CustomerPortalModuleService, mode: "test" | "live", locale: string, token: string) {
  return `${service.getOptions().storefrontUrl[mode]}/${portalLocale(locale)}/portal/verify-email/${token}`
}

/** Sends one portal email to an address that is not (yet) the customer's own. */
async function sendTo(container: MedusaContainer, input: { to: string; template: PortalEmailTemplate; locale: string; customer_id: string; link: string; expires_at: Date; store: any; details?: any }) {
  const locale = emailLocale(input.locale)
  const content = renderPortalEmail({ ...input, locale })
  await container.resolve(Modules.NOTIFICATION).createNotifications([
    {
      to: input.to,
      channel: "email",
      template: input.template,
      content,
      data: { locale, customer_id: input.customer_id, expires_at: input.expires_at.toISOString() },
      trigger_type: input.template,
      resource_type: "customer",
      resource_id: input.customer_id,
    },
  ])
}

/**
 * P4: the signed-in customer asks to use a new address. Their older unused
 * requests end; the new address gets a one-time link (24 hours) that makes
 * the change — or, when another account already uses it, a note saying so,
 * so the answer to the customer is the same either way and reveals nothing.
 */
export async function requestEmailChange(
  container: MedusaContainer,
  input: { portal: { id: string; mode: "test" | "live" }; customer_id: string; new_email: string; locale: string }
): Promise<{ email: string; expires_at: Date }> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const now = clock.now()
  const expires_at = new Date(now.getTime() + EMAIL_CHANGE_TTL_MS)
  await cancelEmailChanges(container, input.customer_id)
  const portal = await service.retrieveCustomerPortal(input.portal.id)
  const store = { name: portal.name, logo_url: portal.logo_url, accent_color: portal.accent_color, support_email: portal.support_email }
  if (await emailTakenByAnotherAccount(container, input.new_email, input.customer_id)) {
    await sendTo(container, {
      to: input.new_email,
      template: "email-change-unavailable",
      locale: input.locale,
      customer_id: input.customer_id,
      link: staticLoginUrl(service.getOptions(), portal, input.portal.mode, input.locale),
      expires_at,
      store,
    })
    return { email: input.new_email, expires_at }
  }
  const token = generateToken()
  await service.createPortalLinks({
    portal_id: input.portal.id,
    kind: "magic",
    mode: input.portal.mode,
    customer_id: input.customer_id,
    token_hash: hashToken(token),
    purpose: "email_change",
    issued_by_type: "customer_request",
    expires_at,
    new_email: input.new_email,
  })
  await sendTo(container, {
    to: input.new_email,
    template: "email-change-verify",
    locale: input.locale,
    customer_id: input.customer_id,
    link: emailVerificationUrl(service, input.portal.mode, input.locale, token),
    expires_at,
    store,
  })
  return { email: input.new_email, expires_at }
}

/** Ends the customer's unused email-change links. */
export async function cancelEmailChanges(container: MedusaContainer, customerId: string): Promise<number> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const open = await service.listPortalLinks({ customer_id: customerId, purpose: "email_change", used_at: null, revoked_at: null } as any, { select: ["id"] })
  if (open.length) await service.updatePortalLinks(open.map((l) => ({ id: l.id, revoked_at: clock.now() })) as any)
  return open.length
}

/** The customer's pending change, if a link is out and unused. */
export async function pendingEmailChange(container: MedusaContainer, customerId: string): Promise<{ email: string; expires_at: Date } | null> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const [link] = await service.listPortalLinks(
    { customer_id: customerId, purpose: "email_change", used_at: null, revoked_at: null, expires_at: { $gt: clock.now() } } as any,
    { take: 1, order: { created_at: "DESC" } }
  )
  return link?.new_email && link.expires_at ? { email: link.new_email, expires_at: link.expires_at } : null
}

/**
 * P4: the link from the new address is used. It works once (consumed in one
 * statement); the address is checked again, then the customer record — and
 * the email they sign in with, if they have a password — change through
 * Medusa's own workflow and Auth Module.
 */
export async function confirmEmailChange(container: MedusaContainer, token: string): Promise<{ customer_id: string; email: string; previous_email: string }> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const link = await service.consumeEmailChangeLink({ token_hash: hashToken(token), now: clock.now() })
  if (!link) throw new MedusaError(MedusaError.Types.NOT_FOUND, EMAIL_CHANGE_LINK_INVALID)
  if (await emailTakenByAnotherAccount(container, link.new_email, link.customer_id)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, EMAIL_TAKEN)
  }
  const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: link.customer_id }, { select: ["id", "email"], take: 1 })
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, EMAIL_CHANGE_LINK_INVALID)
  await updateCustomersWorkflow(container).run({ input: { selector: { id: customer.id }, update: { email: link.new_email } } })
  // A customer with a password signs in with their email: it moves with it.
  const auth = container.resolve(Modules.AUTH)
  const identities = await auth.listProviderIdentities({ provider: "emailpass", entity_id: customer.email } as any, { relations: ["auth_identity"] })
  const own = identities.filter((identity: any) => identity.auth_identity?.app_metadata?.customer_id === customer.id)
  if (own.length) await auth.updateProviderIdentities(own.map((identity) => ({ id: identity.id, entity_id: link.new_email })))
  // The records that shared the old address are no longer this customer's.
  await service.forgetSessionCustomers([customer.id])
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`Customer portal: customer ${customer.id} changed their email address.`)
  return { customer_id: customer.id, email: link.new_email, previous_email: customer.email }
}

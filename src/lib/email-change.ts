import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../modules/customer-portal"
import type CustomerPortalModuleService from "../modules/customer-portal/service"
import { clock } from "./clock"
import { findCustomersByEmail } from "./customer-records"

/*
 * P4, changing the email address (see docs/architecture.md, "Email changes"):
 * a fresh proof of the current address, then proof of the new one; never onto
 * an address another customer record has; the old address can undo it.
 */

/** How long the links of an email change work; the undo link sent to the old address works longer. */
export const EMAIL_CHANGE_TTL_MS = 24 * 3_600_000
export const EMAIL_CHANGE_UNDO_TTL_MS = 7 * 24 * 3_600_000

export const EMAIL_CHANGE_LINK_INVALID = "This link is invalid or has expired. Ask for a new one from your profile."
/** The same sentence whoever uses the address: it says nothing about them. */
export const EMAIL_IN_USE = "This address cannot be used for this account, so nothing was changed. Choose another address from your profile."
export const EMAIL_CANNOT_BE_RESTORED = "This address cannot be put back on the account any more. Contact the store: nothing was changed."

/** The links of a change still waiting: the current address's confirmation, then the new address's. */
const PENDING_PURPOSES = ["email_change_authorize", "email_change"]

/** What the customer waits for: the current address to confirm the change, or the new address to be confirmed. */
export type EmailChangeAwaiting = "current_address" | "new_address"

/**
 * Whether a customer record other than `customerId` has the address (guest
 * or account, compared as `normalizeEmail` does): moving onto it would join
 * that record's purchases to this customer's.
 */
export async function addressInUse(container: MedusaContainer, email: string, customerId: string): Promise<boolean> {
  const records = await findCustomersByEmail(container.resolve(Modules.CUSTOMER), email)
  return records.some((record) => record.id !== customerId)
}

/** The customer's pending change, if a link of it is out and unused: the same whether or not the new address is in use. */
export async function pendingEmailChange(
  container: MedusaContainer,
  customerId: string
): Promise<{ email: string; expires_at: Date; awaiting: EmailChangeAwaiting } | null> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const [link] = await service.listPortalLinks(
    {
      customer_id: customerId,
      purpose: PENDING_PURPOSES,
      used_at: null,
      revoked_at: null,
      expires_at: { $gt: clock.now() },
    } as any,
    { take: 1, order: { created_at: "DESC" } }
  )
  if (!link?.new_email || !link.expires_at) return null
  return { email: link.new_email, expires_at: link.expires_at, awaiting: link.purpose === "email_change_authorize" ? "current_address" : "new_address" }
}

/** Ends the customer's pending email changes: their unused links stop working. */
export async function cancelEmailChanges(container: MedusaContainer, customerId: string): Promise<number> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const open = await service.listPortalLinks(
    { customer_id: customerId, purpose: PENDING_PURPOSES, used_at: null, revoked_at: null } as any,
    { select: ["id"] }
  )
  if (open.length) await service.updatePortalLinks(open.map((l) => ({ id: l.id, revoked_at: clock.now() })) as any)
  return open.length
}

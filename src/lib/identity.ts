import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../modules/customer-portal"
import type CustomerPortalModuleService from "../modules/customer-portal/service"
import { findCustomersByEmail, findCustomersByEmails, normalizeEmail, type CustomerRecord } from "./customer-records"

/*
 * Who a portal session is, and what it may see and change. Medusa never
 * verifies an email: anyone can register an account with the address of a
 * customer who only ever bought as a guest. So "same email" is not "same
 * person" until the mailbox has been shown to be in the session holder's
 * hands. The rules, and why, are in docs/architecture.md ("Identity").
 */

/** How long a sign-in by emailed link counts as a fresh proof of the address (an email change needs one). */
export const FRESH_PROOF_MS = 10 * 60_000

type SessionProof = { customer_id: string; proven_email: string | null; proven_at?: Date | null }

const portalService = (container: MedusaContainer): CustomerPortalModuleService => container.resolve(CUSTOMER_PORTAL_MODULE)

/**
 * The customer records a session sees: its own, every record of the address
 * the session proved (it used a link emailed there), and every record of its
 * own record's address once the holder of that record has confirmed the
 * mailbox from one of its sessions. `email_confirmed` says whether its own
 * record's address is among those; when it is not, purchases made with that
 * address under other records stay hidden. Null when the record is gone.
 */
export async function sessionRecords(
  container: MedusaContainer,
  session: SessionProof
): Promise<{ customer_ids: string[]; email_confirmed: boolean } | null> {
  const customers = container.resolve(Modules.CUSTOMER)
  const [own] = await customers.listCustomers({ id: session.customer_id }, { select: ["id", "email"], take: 1 })
  if (!own) return null
  const ownEmail = own.email ? normalizeEmail(own.email) : null
  let confirmed = !!ownEmail && ownEmail === session.proven_email
  if (ownEmail && !confirmed) {
    confirmed = (await portalService(container).recordsConfirmedFor(ownEmail, [own.id])).length > 0
  }
  const emails = new Set<string>()
  if (session.proven_email) emails.add(session.proven_email)
  if (confirmed && ownEmail) emails.add(ownEmail)
  const ids = new Set([own.id])
  for (const records of (await findCustomersByEmails(customers, [...emails])).values()) {
    for (const record of records) ids.add(record.id)
  }
  return { customer_ids: [...ids], email_confirmed: confirmed }
}

/** Whether the session signed in by an emailed link to its record's current address in the last ten minutes. */
export function hasFreshProof(session: SessionProof, currentEmail: string | null | undefined, now: Date): boolean {
  return (
    !!currentEmail &&
    !!session.proven_at &&
    session.proven_email === normalizeEmail(currentEmail) &&
    now.getTime() - new Date(session.proven_at).getTime() <= FRESH_PROOF_MS
  )
}

/** Of these records, those with an order in the store or a license key in the portal. */
async function recordsWithPurchases(container: MedusaContainer, ids: string[]): Promise<Set<string>> {
  const orders = container.resolve(Modules.ORDER)
  const service = portalService(container)
  const held = await Promise.all(
    ids.map(async (id) => {
      const [order] = await orders.listOrders({ customer_id: id }, { select: ["id"], take: 1 })
      if (order) return true
      const [key] = await service.listLicenseKeys({ customer_id: id }, { select: ["id"], take: 1 })
      return !!key
    })
  )
  return new Set(ids.filter((_, i) => held[i]))
}

/**
 * The record that acts for whoever holds the mailbox of `records`' address
 * (they share it): the one its holder confirmed from a session of theirs
 * (`confirmed`, most recent first); else a guest record that holds purchases
 * (`withPurchases`), then any guest record — a guest record has no credential
 * but the mailbox; an account only when the address has no guest record. An
 * account whose address was never confirmed is never chosen over the guest
 * record that holds the purchases, since anyone can register an account with
 * any address.
 */
export function pickHomeRecord(records: CustomerRecord[], confirmed: string[], withPurchases: Set<string>): CustomerRecord | null {
  if (!records.length) return null
  const byConfirmation = confirmed.map((id) => records.find((r) => r.id === id)).find(Boolean)
  if (byConfirmation) return byConfirmation
  const guests = records.filter((r) => !r.has_account)
  if (!guests.length) return records[0]
  // Newest first among equals: a later guest checkout is the record in use.
  const newestFirst = [...guests].sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime())
  return newestFirst.find((g) => withPurchases.has(g.id)) ?? newestFirst[0]
}

/**
 * `pickHomeRecord`, with what it needs read for one address; `confirmed` when
 * the caller has read the confirmations already (a key import, for many
 * addresses at once).
 */
export async function chooseHomeRecord(
  container: MedusaContainer,
  email: string,
  records: CustomerRecord[],
  confirmed?: string[]
): Promise<CustomerRecord | null> {
  if (!records.length) return null
  confirmed ??= await portalService(container).recordsConfirmedFor(normalizeEmail(email), records.map((r) => r.id))
  const guests = records.filter((r) => !r.has_account)
  // Only a choice between guest records needs to know which hold purchases.
  const withPurchases = !confirmed.length && guests.length > 1 ? await recordsWithPurchases(container, guests.map((g) => g.id)) : new Set<string>()
  return pickHomeRecord(records, confirmed, withPurchases)
}

/** `chooseHomeRecord` for an address: null when no customer has it. */
export async function homeRecord(container: MedusaContainer, email: string): Promise<CustomerRecord | null> {
  return chooseHomeRecord(container, email, await findCustomersByEmail(container.resolve(Modules.CUSTOMER), email))
}

/**
 * Whether a session may save a payment method to a record it sees: its own
 * record; or, once it has shown it holds the address, a guest record of it
 * or a record its holder confirmed — never an account whose address was not
 * confirmed by its holder, who could then pay with the method at checkout.
 */
export async function mayReceivePaymentMethods(
  container: MedusaContainer,
  session: { customer_id: string; customer_ids: string[]; email_confirmed: boolean; proven_email: string | null },
  customerId: string
): Promise<boolean> {
  if (customerId === session.customer_id) return true
  if (!session.customer_ids.includes(customerId)) return false
  const [record] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: customerId }, { select: ["id", "email", "has_account"], take: 1 })
  if (!record?.email) return false
  const email = normalizeEmail(record.email)
  if (email !== session.proven_email && !session.email_confirmed) return false
  if (!record.has_account) return true
  return (await portalService(container).recordsConfirmedFor(email, [record.id])).length > 0
}

/** An address as the portal shows it to someone who may not own it: `n•••@example.com`. */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return null
  const at = email.lastIndexOf("@")
  if (at < 1) return "•••"
  return `${email.slice(0, 1)}•••${email.slice(at)}`
}

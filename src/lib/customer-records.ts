import type { ICustomerModuleService } from "@medusajs/framework/types"

/**
 * An email as the portal compares and keeps it: Unicode NFKC (so a
 * full-width or composed form is the address it looks like), trimmed,
 * lower-cased. Used wherever an address comes in or is matched.
 */
export function normalizeEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase()
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`)

export type CustomerRecord = {
  id: string
  email: string
  has_account: boolean
  first_name: string | null
  last_name: string | null
  created_at: Date
}

const RECORD_FIELDS = ["id", "email", "has_account", "first_name", "last_name", "created_at"]

/**
 * Every customer record of each address, matched as `normalizeEmail`
 * compares: a person who bought once as a guest and once with an account has
 * two records (Medusa keeps each as typed). By normalised address, oldest
 * first; at most 20 an address.
 */
export async function findCustomersByEmails(customers: ICustomerModuleService, emails: string[]): Promise<Map<string, CustomerRecord[]>> {
  const wanted = [...new Set(emails.map(normalizeEmail))]
  const found = new Map<string, CustomerRecord[]>()
  for (let i = 0; i < wanted.length; i += 100) {
    const chunk = wanted.slice(i, i + 100)
    const rows = (await customers.listCustomers(
      { $or: chunk.map((email) => ({ email: { $ilike: escapeLike(email) } })) } as any,
      { select: RECORD_FIELDS, take: chunk.length * 20, order: { created_at: "ASC" } }
    )) as unknown as CustomerRecord[]
    for (const row of rows) {
      const email = normalizeEmail(row.email ?? "")
      if (!chunk.includes(email)) continue
      found.set(email, [...(found.get(email) ?? []), row])
    }
  }
  return found
}

/** `findCustomersByEmails` for one address. */
export async function findCustomersByEmail(customers: ICustomerModuleService, email: string): Promise<CustomerRecord[]> {
  return (await findCustomersByEmails(customers, [email])).get(normalizeEmail(email)) ?? []
}

/**
 * The ids of every record that shares the given customer's email (including
 * its own). For the merchant's views and revocation only: what a customer's
 * session sees is `sessionRecords` (src/lib/identity.ts).
 */
export async function customerIdsSharingEmail(customers: ICustomerModuleService, customerId: string): Promise<string[]> {
  const [customer] = await customers.listCustomers({ id: customerId }, { select: ["id", "email"], take: 1 })
  if (!customer) {
    return []
  }
  if (!customer.email) {
    return [customer.id]
  }
  const ids = (await findCustomersByEmail(customers, customer.email)).map((c) => c.id)
  return ids.includes(customer.id) ? ids : [customer.id, ...ids]
}

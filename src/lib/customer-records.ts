import type { ICustomerModuleService } from "@medusajs/framework/types"

/** An email as the portal compares it: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * Every customer record of one email address, matched case-insensitively: a
 * person who bought once as a guest and once with an account has two records,
 * and the portal shows them the purchases of both. Accounts come first.
 */
export async function findCustomersByEmail(
  customers: ICustomerModuleService,
  email: string
): Promise<{ id: string; email: string; has_account: boolean; first_name: string | null; last_name: string | null }[]> {
  const found = await customers.listCustomers(
    { email: { $ilike: escapeLike(normalizeEmail(email)) } } as any,
    { select: ["id", "email", "has_account", "first_name", "last_name"], take: 20, order: { created_at: "ASC" } }
  )
  return found
    .filter((c) => normalizeEmail(c.email ?? "") === normalizeEmail(email))
    .sort((a, b) => Number(b.has_account) - Number(a.has_account)) as any
}

/** The ids of every record that shares the given customer's email (including its own). */
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

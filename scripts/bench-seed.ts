import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import fs from "node:fs"
import { generateLicenseKey, generateToken, hashToken } from "../src/lib/tokens"
import { CUSTOMER_PORTAL_MODULE } from "../src/modules/customer-portal"
import type CustomerPortalModuleService from "../src/modules/customer-portal/service"
import { issuePortalLinkWorkflow } from "../src/workflows/issue-portal-link"
import { redeemPortalLinkWorkflow } from "../src/workflows/redeem-portal-link"

/**
 * The benchmark's large store, on top of the demo store (`scripts/seed.ts`):
 *  - BENCH_CUSTOMERS customers (10,000), who can ask for sign-in links;
 *  - the heavy customer, Layla (an account with a password, so Medusa's own
 *    routes can be measured for her too): 5,000 invoices, 50 subscriptions
 *    and 500 license keys more;
 *  - a light customer with 10 invoices, the same rows otherwise;
 *  - BENCH_LINKS unused sign-in links to redeem.
 * Writes tokens and ids to BENCH_INFO_FILE.
 */
export default async function benchSeed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service = container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
  const customersModule = container.resolve(Modules.CUSTOMER)
  const count = (name: string, fallback: number) => Number(process.env[name] || fallback)
  const CUSTOMERS = count("BENCH_CUSTOMERS", 10_000)
  const HEAVY_INVOICES = count("BENCH_HEAVY_INVOICES", 5_000)
  const LIGHT_INVOICES = count("BENCH_LIGHT_INVOICES", 10)
  const SUBSCRIPTIONS = count("BENCH_SUBSCRIPTIONS", 50)
  const KEYS = count("BENCH_KEYS", 500)
  const LINKS = count("BENCH_LINKS", 500)

  const [portal] = await service.listCustomerPortals({}, { take: 1 })
  const {
    data: [layla],
  } = await query.graph({ entity: "customer", fields: ["id", "email"], filters: { email: "layla@example.com", has_account: true } })
  const [template] = await service.listSubscriptions({ customer_id: layla.id }, { take: 1 })
  const [keyTemplate] = await service.listLicenseKeys({ customer_id: layla.id }, { take: 1 })

  // The store's customers.
  const emails: string[] = []
  for (let done = 0; done < CUSTOMERS; done += 1000) {
    const batch = Array.from({ length: Math.min(1000, CUSTOMERS - done) }, (_, i) => {
      const email = `customer-${done + i}@example.com`
      emails.push(email)
      return { email, first_name: "Customer", last_name: `${done + i}`, has_account: (done + i) % 2 === 0 }
    })
    await customersModule.createCustomers(batch)
  }
  const [light] = await customersModule.createCustomers([{ email: "light@example.com", first_name: "Light", last_name: "History", has_account: true }])
  logger.info(`${CUSTOMERS} customers created.`)

  // Invoices: the same rows for both, only the number differs.
  let [{ sequence }] = (await service.listInvoices({ portal_id: portal.id }, { take: 1, order: { sequence: "DESC" }, select: ["sequence"] })) as any
  sequence = Number(sequence ?? 0)
  for (const [customer, total] of [
    [layla, HEAVY_INVOICES],
    [light, LIGHT_INVOICES],
  ] as const) {
    const start = Date.now() - (total + 1) * 3_600_000
    for (let done = 0; done < total; done += 500) {
      const batch = Array.from({ length: Math.min(500, total - done) }, (_, i) => {
        sequence += 1
        const n = done + i
        const open = n % 10 === 0
        return {
          portal_id: portal.id,
          mode: "test" as const,
          number: `INV-${String(sequence).padStart(6, "0")}`,
          sequence,
          customer_id: customer.id,
          source_type: "renewal" as const,
          source_id: `bench:${customer.id}:${n}`,
          status: open ? ("open" as const) : ("paid" as const),
          currency_code: "usd",
          subtotal: 1900,
          discount_total: 0,
          shipping_total: 0,
          tax_total: 152,
          total: 2052,
          issued_at: new Date(start + n * 3_600_000),
          paid_at: open ? null : new Date(start + n * 3_600_000),
          customer_email: customer.email,
          customer_name: "Bench History",
          payment_method_label: "Visa •••• 4242",
          lines: [{ rank: 0, kind: "item" as const, title: "Northwind Pro · Monthly", quantity: 1, unit_price: 1900, subtotal: 1900, discount_total: 0, tax_total: 152, total: 2052 }],
        }
      })
      await service.createInvoices(batch as any)
    }
  }
  await service.updateCustomerPortals({ id: portal.id, invoice_sequence: sequence })
  logger.info(`${HEAVY_INVOICES} and ${LIGHT_INVOICES} invoices created.`)

  // Layla's subscriptions and keys, copies of her real ones.
  const { id: _s, created_at: _c1, updated_at: _u1, deleted_at: _d1, raw_amount: _r, ...subscription } = template as any
  const statuses = ["active", "active", "on_hold", "cancelled", "expired"] as const
  await service.createSubscriptions(
    Array.from({ length: SUBSCRIPTIONS }, (_, i) => ({
      ...subscription,
      order_id: null,
      order_line_item_id: null,
      status: statuses[i % statuses.length],
      on_hold_since: statuses[i % statuses.length] === "on_hold" ? new Date() : null,
      ended_at: ["cancelled", "expired"].includes(statuses[i % statuses.length]) ? new Date() : null,
      next_renewal_at: statuses[i % statuses.length] === "active" ? new Date(Date.now() + 30 * 86_400_000) : null,
    }))
  )
  const { id: _k, created_at: _c2, updated_at: _u2, deleted_at: _d2, activations: _a, ...key } = keyTemplate as any
  for (let done = 0; done < KEYS; done += 250) {
    await service.createLicenseKeys(
      Array.from({ length: Math.min(250, KEYS - done) }, () => ({ ...key, key: generateLicenseKey("NWD"), order_id: null, order_line_item_id: null, line_unit: null }))
    )
  }
  logger.info(`${SUBSCRIPTIONS} subscriptions and ${KEYS} license keys added to Layla's.`)

  // Sessions for both, and unused links to redeem: the workflows get the tokens' hashes, as the routes give them.
  const linkToken = async (customer_id: string) => {
    const token = generateToken()
    await issuePortalLinkWorkflow(container).run({ input: { customer_id, issued_by_type: "system", token_hash: hashToken(token) } })
    return token
  }
  const sessionFor = async (customer_id: string) => {
    const token = generateToken()
    await redeemPortalLinkWorkflow(container).run({ input: { token_hash: hashToken(await linkToken(customer_id)), session_token_hash: hashToken(token) } })
    return token
  }
  const heavyToken = await sessionFor(layla.id)
  const lightToken = await sessionFor(light.id)
  const [{ id: invoiceId }] = await service.listInvoices({ customer_id: layla.id }, { take: 1, order: { issued_at: "DESC" }, select: ["id"] })
  const { data: pool } = await query.graph({ entity: "customer", fields: ["id"], filters: { email: emails.slice(0, LINKS) } })
  const links: string[] = []
  for (const { id } of pool) {
    links.push(await linkToken(id))
  }
  logger.info(`${links.length} sign-in links issued.`)

  fs.writeFileSync(
    process.env.BENCH_INFO_FILE!,
    JSON.stringify(
      {
        business_id: portal.business_id,
        customers: CUSTOMERS,
        emails,
        links,
        heavy: {
          email: layla.email,
          token: heavyToken,
          invoice_id: invoiceId,
          invoices: (await service.listAndCountInvoices({ customer_id: layla.id }, { take: 1, select: ["id"] }))[1],
          subscriptions: (await service.listAndCountSubscriptions({ customer_id: layla.id }, { take: 1, select: ["id"] }))[1],
          keys: (await service.listAndCountLicenseKeys({ customer_id: layla.id }, { take: 1, select: ["id"] }))[1],
        },
        light: { email: light.email, token: lightToken, invoices: LIGHT_INVOICES },
      },
      null,
      2
    )
  )
}

import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, linkSalesChannelsToApiKeyWorkflow } from "@medusajs/medusa/core-flows"
import fs from "node:fs"
import { CUSTOMER_PORTAL_MODULE } from "../src/modules/customer-portal"
import type CustomerPortalModuleService from "../src/modules/customer-portal/service"
import { ensureCustomerPortalWorkflow } from "../src/workflows/ensure-customer-portal"
import { issuePortalLinkWorkflow } from "../src/workflows/issue-portal-link"
import { redeemPortalLinkWorkflow } from "../src/workflows/redeem-portal-link"

/**
 * The benchmark's store: a publishable key, the portal, and customers whose
 * billing histories differ only in length (BENCH_HISTORIES, e.g. "10,5000"
 * invoices), each with a live portal session. Writes tokens and ids to
 * BENCH_INFO_FILE. Run with `medusa exec` on an empty, migrated database.
 */
export default async function benchSeed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service = container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
  const histories = (process.env.BENCH_HISTORIES || "10,5000").split(",").map(Number)

  const [salesChannel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({}, { take: 1 })
  const {
    result: [apiKey],
  } = await createApiKeysWorkflow(container).run({ input: { api_keys: [{ title: "Benchmark", type: "publishable", created_by: "" }] } })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: apiKey.id, add: [salesChannel.id] } })

  const { result: portal } = await ensureCustomerPortalWorkflow(container).run()
  await service.updateCustomerPortals({
    id: portal.id,
    support_email: "help@example.com",
    business_address: { address_1: "221 Market Street", city: "San Francisco", postal_code: "94105", country_code: "us" },
  })

  const customers: { invoices: number; token: string; invoice_id: string }[] = []
  let sequence = 0
  for (const count of histories) {
    const [customer] = await container.resolve(Modules.CUSTOMER).createCustomers([
      { email: `history-${count}@example.com`, first_name: "Bench", last_name: `${count}`, has_account: true },
    ])
    const start = Date.now() - count * 3_600_000
    for (let done = 0; done < count; done += 500) {
      const batch = Array.from({ length: Math.min(500, count - done) }, (_, i) => {
        sequence += 1
        const n = done + i
        return {
          portal_id: portal.id,
          mode: "test" as const,
          number: `INV-${String(sequence).padStart(6, "0")}`,
          sequence,
          customer_id: customer.id,
          source_type: "renewal" as const,
          source_id: `bench:${customer.id}:${n}`,
          status: (n % 10 === 0 ? "open" : "paid") as "open" | "paid",
          currency_code: "usd",
          subtotal: 1900,
          discount_total: 0,
          shipping_total: 0,
          tax_total: 152,
          total: 2052,
          issued_at: new Date(start + n * 3_600_000),
          paid_at: n % 10 === 0 ? null : new Date(start + n * 3_600_000),
          customer_email: customer.email,
          customer_name: `Bench ${count}`,
          payment_method_label: "Visa •••• 4242",
          lines: [{ rank: 0, kind: "item" as const, title: "Northwind Pro · Monthly", quantity: 1, unit_price: 1900, subtotal: 1900, discount_total: 0, tax_total: 152, total: 2052 }],
        }
      })
      await service.createInvoices(batch as any)
    }
    const { result: link } = await issuePortalLinkWorkflow(container).run({ input: { customer_id: customer.id, issued_by_type: "system" } })
    const { result: session } = await redeemPortalLinkWorkflow(container).run({ input: { token: link.link.split("/").pop()! } })
    const [latest] = await service.listInvoices({ customer_id: customer.id }, { take: 1, order: { issued_at: "DESC" } })
    customers.push({ invoices: count, token: session.session_token, invoice_id: latest.id })
    logger.info(`Customer with ${count} invoices ready.`)
  }
  await service.updateCustomerPortals({ id: portal.id, invoice_sequence: sequence })
  fs.writeFileSync(process.env.BENCH_INFO_FILE!, JSON.stringify({ publishable_key: apiKey.token, customers }, null, 2))
}

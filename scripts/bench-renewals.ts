import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { renewDueSubscriptions } from "../src/lib/renew-due-subscriptions"
import { CUSTOMER_PORTAL_MODULE } from "../src/modules/customer-portal"
import type CustomerPortalModuleService from "../src/modules/customer-portal/service"

/**
 * The renewal job's pace: BENCH_DUE subscriptions (10,000) due now — copies
 * of Layla's, charged to her saved test card — then the job, as the
 * scheduler runs it, for BENCH_RENEWAL_SECONDS (60). Prints one JSON line:
 * how many were renewed and how fast, and whether each renewal left exactly
 * one paid invoice.
 */
export default async function benchRenewals({ container }: ExecArgs) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service = container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
  const DUE = Number(process.env.BENCH_DUE || 10_000)
  const SECONDS = Number(process.env.BENCH_RENEWAL_SECONDS || 60)

  const {
    data: [layla],
  } = await query.graph({ entity: "customer", fields: ["id"], filters: { email: "layla@example.com", has_account: true } })
  const [template] = await service.listSubscriptions({ customer_id: layla.id, status: "active", order_id: { $ne: null } } as any, { take: 1 })
  const { id: _id, created_at: _c, updated_at: _u, deleted_at: _d, raw_amount: _r, ...subscription } = template as any
  const due = new Date(Date.now() - 60_000)
  for (let done = 0; done < DUE; done += 1000) {
    await service.createSubscriptions(
      Array.from({ length: Math.min(1000, DUE - done) }, () => ({
        ...subscription,
        order_id: null,
        order_line_item_id: null,
        status: "active",
        current_period_start: new Date(due.getTime() - 30 * 86_400_000),
        current_period_end: due,
        next_renewal_at: due,
        metadata: { bench: "due" },
      }))
    )
  }

  const started = performance.now()
  const summary = await renewDueSubscriptions(container, { deadline: new Date(Date.now() + SECONDS * 1000) })
  const seconds = (performance.now() - started) / 1000

  const renewed = await service.listSubscriptions({ status: "active", metadata: { bench: "due" }, next_renewal_at: { $gt: new Date() } } as any, {
    select: ["id"],
  })
  const ids = renewed.map((s) => s.id)
  const invoices = ids.length ? await service.listInvoices({ subscription_id: ids } as any, { select: ["id", "status", "subscription_id"] }) : []
  const paidOnce = new Set(invoices.filter((i) => i.status === "paid").map((i) => i.subscription_id)).size === ids.length && invoices.length === ids.length
  process.stdout.write(
    `BENCH_RESULT ${JSON.stringify({ due: DUE, seconds, ...summary, per_second: summary.renewed / seconds, concurrency: service.getOptions().renewalConcurrency, one_paid_invoice_each: paidOnce })}\n`
  )
}

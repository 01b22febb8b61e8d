import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { clock } from "../../lib/clock"
import { cardLabel } from "../../lib/order-invoice"
import { withSubscriptionLock } from "../../lib/subscription-lock"
import { addInterval } from "../../lib/subscription-periods"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import type { InvoiceDTO, SubscriptionDTO } from "../../modules/customer-portal/service"
import { chargePeriod, issueSubscriptionInvoice, paidFromOrder } from "./renew-subscription"

export type NewPaymentMethod = {
  id: string
  provider_id: string
  /** The customer record whose account holder keeps the method, and that holder. */
  customer_id: string
  account_holder_id: string
  brand: string | null
  last4: string | null
  exp_month: number | null
  exp_year: number | null
}

export type ChangePaymentMethodInput = {
  subscription_id: string
  payment_method: NewPaymentMethod
  /** Set once the customer has completed their bank's confirmation of the dues payment. */
  confirmation?: "completed"
}

export type ChangePaymentMethodOutcome =
  | { outcome: "updated"; subscription: SubscriptionDTO }
  | {
      outcome: "reactivated"
      subscription: SubscriptionDTO
      invoice_id: string
      invoice: { id: string; number: string; total: number; currency_code: string; paid_at: Date | null }
      order_id: string
      payment_id: string
    }
  | { outcome: "requires_action"; subscription: SubscriptionDTO; invoice_id: string; amount: number; currency_code: string }
  | { outcome: "payment_failed"; subscription: SubscriptionDTO; invoice_id: string; reason: string; code: string | null }

const methodFields = (method: NewPaymentMethod) => ({
  payment_provider_id: method.provider_id,
  payment_customer_id: method.customer_id,
  account_holder_id: method.account_holder_id,
  payment_method_id: method.id,
  payment_method_brand: method.brand,
  payment_method_last4: method.last4,
  payment_method_exp_month: method.exp_month,
  payment_method_exp_year: method.exp_year,
})

/** The renewal invoice an on-hold subscription still owes, or — when none is open — one issued for the dues now, once. */
async function duesInvoice(container: MedusaContainer, sub: SubscriptionDTO, method: NewPaymentMethod, now: Date): Promise<InvoiceDTO> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const [open] = await service.listInvoices(
    { subscription_id: sub.id, status: "open", source_type: ["renewal", "dues"] },
    { take: 1, order: { issued_at: "DESC" } }
  )
  if (open) return open
  const { invoice } = await issueSubscriptionInvoice(container, sub, {
    source_type: "dues",
    // One dues invoice per hold: retries after a failure find this one again.
    source_id: `${sub.id}:hold:${new Date(sub.on_hold_since ?? sub.updated_at).toISOString()}`,
    issued_at: now,
    payment_method_label: cardLabel(method.brand, method.last4),
  })
  return invoice
}

/**
 * M3–M6: applies a new payment method to a subscription, under its lock (a
 * concurrent change of the same subscription, in this process or another,
 * waits for this one and then sees its result).
 *
 * An active subscription only switches the method its renewals use. An
 * on-hold one pays what it owes first: the open renewal invoice (or a dues
 * invoice issued once) is charged to the new method with the customer
 * present, as an order of the renewal; on success the invoice is paid, the
 * subscription is active with a new period from now and keeps the method;
 * on a decline nothing changes but the invoice's last error; when the bank
 * asks the customer to confirm, nothing changes until they have. If
 * recording a successful charge fails, the payment is refunded and the
 * invoice reopened before the error goes on: never money taken with the
 * subscription still on hold.
 */
export const changePaymentMethodStep = createStep("change-subscription-payment-method", async (input: ChangePaymentMethodInput, { container }) =>
  new StepResponse(
    await withSubscriptionLock(container, input.subscription_id, () => changePaymentMethod(container, input), { waitMs: 30_000 })
  )
)

async function changePaymentMethod(container: MedusaContainer, input: ChangePaymentMethodInput): Promise<ChangePaymentMethodOutcome> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const now = clock.now()
  const sub = await service.retrieveSubscription(input.subscription_id)
  // A charge interrupted before methods carried their record (kept on its invoice) was the subscription's own.
  const method = { ...input.payment_method, customer_id: input.payment_method.customer_id ?? sub.customer_id }
  if (sub.status === "cancelled" || sub.status === "expired") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This subscription has ended: there is no payment method to change.")
  }
  if (sub.status !== "on_hold") {
    await service.updateSubscriptions({ id: sub.id, ...methodFields(method) } as any)
    return { outcome: "updated", subscription: await service.retrieveSubscription(sub.id) }
  }

  const invoice = await duesInvoice(container, sub, method, now)
  const charge = await chargePeriod(container, sub, invoice, {
    provider_id: method.provider_id,
    payment_method_id: method.id,
    customer_id: method.customer_id,
    on_session: { confirmation: input.confirmation },
    // Whoever completes this charge if it is interrupted (see `finishInterruptedCharges`) gives the subscription this method.
    metadata: { pending_payment_method: method },
  })
  if (!charge.ok) {
    // The open cart of this attempt is left behind (chargePeriod took it off the invoice).
    if (charge.requires_action) {
      return { outcome: "requires_action", subscription: sub, invoice_id: invoice.id, amount: Number(invoice.total), currency_code: invoice.currency_code }
    }
    // Metadata is merged on update.
    await service.updateInvoices({ id: invoice.id, metadata: { last_payment_error: charge.reason, last_payment_error_code: charge.code } })
    return { outcome: "payment_failed", subscription: sub, invoice_id: invoice.id, reason: charge.reason, code: charge.code }
  }

  const before = await service.retrieveInvoice(invoice.id, { relations: ["lines"] })
  try {
    await paidFromOrder(container, before, charge, now)
    const periodEnd = addInterval(now, sub.interval, sub.interval_count)
    const subscription = await service.transitionSubscription(sub.id, "active", {
      ...methodFields(method),
      on_hold_since: null,
      current_period_start: now,
      current_period_end: periodEnd,
      next_renewal_at: periodEnd,
    } as any)
    const paid = await service.retrieveInvoice(invoice.id)
    return {
      outcome: "reactivated",
      subscription,
      invoice_id: paid.id,
      invoice: { id: paid.id, number: paid.number, total: Number(paid.total), currency_code: paid.currency_code, paid_at: paid.paid_at },
      order_id: charge.order_id,
      payment_id: charge.payment_id,
    }
  } catch (error) {
    await undoCharge(container, before, charge.payment_id)
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "Your payment could not be completed, and nothing was charged: the subscription is still on hold. Try again in a moment."
    )
  }
}

/**
 * Gives back a charge whose outcome could not be recorded: the payment is
 * refunded and the invoice is what it was before (open, its earlier lines,
 * no cart of the charge), so a retry charges afresh. Each part is attempted
 * even if another fails; failures are logged for the merchant.
 */
async function undoCharge(container: MedusaContainer, before: InvoiceDTO, paymentId: string | undefined) {
  const logger = container.resolve("logger")
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  if (paymentId) {
    await refundPaymentWorkflow(container)
      .run({ input: { payment_id: paymentId, note: "Reactivation could not be recorded: refunded" } })
      .catch((error) => logger.error(`Customer portal: refunding payment ${paymentId} failed: ${(error as Error)?.message ?? error}`))
  }
  const restoreLines = async () => {
    const now = await service.listInvoiceLines({ invoice: { id: before.id } } as any, { select: ["id"] })
    if (now.length) await service.deleteInvoiceLines(now.map((line) => line.id))
    await service.createInvoiceLines(
      (before.lines ?? []).map(({ id: _id, invoice: _invoice, created_at: _c, updated_at: _u, deleted_at: _d, ...line }: any) => ({ ...line, invoice_id: before.id }))
    )
  }
  await restoreLines().catch((error) => logger.error(`Customer portal: restoring the lines of invoice ${before.id} failed: ${(error as Error)?.message ?? error}`))
  await service
    .updateInvoices({
      id: before.id,
      status: "open",
      paid_at: null,
      order_id: null,
      payment_id: null,
      subtotal: before.subtotal,
      discount_total: before.discount_total,
      shipping_total: before.shipping_total,
      tax_total: before.tax_total,
      total: before.total,
      // Metadata is merged on update; "" removes the charged cart, so a retry charges afresh.
      metadata: { renewal_cart_id: "", pending_payment_method: "" },
    } as any)
    .catch((error) => logger.error(`Customer portal: reopening invoice ${before.id} failed: ${(error as Error)?.message ?? error}`))
}

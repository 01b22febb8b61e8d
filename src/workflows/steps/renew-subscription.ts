import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  capturePaymentWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  refundPaymentWorkflow,
} from "@medusajs/medusa/core-flows"
import { clock } from "../../lib/clock"
import { SubscriptionLocked, withSubscriptionLock } from "../../lib/subscription-lock"
import { minorUnitsToDecimal } from "../../lib/money"
import { cardLabel, invoiceFromOrder, ORDER_INVOICE_FIELDS } from "../../lib/order-invoice"
import { addInterval, periodKey } from "../../lib/subscription-periods"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import type { InvoiceDTO, SubscriptionDTO } from "../../modules/customer-portal/service"

export type RenewSubscriptionOutcome =
  | { outcome: "skipped"; subscription_id: string; customer_id: string | null }
  | { outcome: "ended"; subscription_id: string; customer_id: string }
  | { outcome: "renewed"; subscription_id: string; customer_id: string; invoice_id: string; order_id: string }
  | { outcome: "failed"; subscription_id: string; customer_id: string; invoice_id: string; reason: string }

export type Charge =
  | { ok: true; order_id: string; payment_id: string }
  /** `requires_action`: the customer must confirm the payment with their bank first (on-session charges only). */
  | { ok: false; reason: string; code: string | null; requires_action?: boolean }

/** Who pays: the subscription's saved method off-session, or a method the customer chose just now, on-session. */
export type ChargeWith = {
  provider_id: string
  payment_method_id: string
  /** The customer record whose account holder keeps the method (one person's records each have their own). */
  customer_id: string
  /** The customer is present: a bank's extra confirmation can be asked for, and once given is passed on. */
  on_session?: { confirmation?: "completed" }
  /** Kept on the invoice with the charge's cart, for whoever completes an interrupted charge. */
  metadata?: Record<string, unknown>
}


/**
 * Why a payment was refused, in the provider's words (and its code) when it
 * gave them; null when nothing says the method was refused — the provider
 * failed or timed out, a connection dropped — so it is no decline.
 */
async function refusal(container: MedusaContainer, cartId: string, error: unknown): Promise<{ reason: string; code: string | null; requires_action: boolean } | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({ entity: "cart", fields: ["payment_collection.payment_sessions.data", "payment_collection.payment_sessions.status"], filters: { id: cartId } })
  const session = cart?.payment_collection?.payment_sessions?.[0]
  const data = session?.data as { error?: { message?: string; code?: string } | null; next_action?: unknown } | undefined
  const declined = data?.error
  if (session?.status === "requires_more" && data?.next_action) {
    return { reason: "Your bank asks you to confirm this payment.", code: "requires_action", requires_action: true }
  }
  if (!declined && !isRefusal(error)) return null
  return { reason: declined?.message ?? "The payment method was not charged.", code: typeof declined?.code === "string" ? declined.code : null, requires_action: false }
}

/** Whether an error is the provider's (or Medusa's) refusal of the payment method, as opposed to a failure to get an answer. */
const isRefusal = (error: unknown) =>
  MedusaError.isMedusaError(error) &&
  [MedusaError.Types.NOT_FOUND, MedusaError.Types.INVALID_DATA, MedusaError.Types.NOT_ALLOWED, MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR].includes(
    (error as MedusaError).type as any
  )

/**
 * Issues (once per source) an invoice for one period of a subscription at
 * its price before tax: a single line of the plan. Renewals and the dues of
 * an on-hold subscription both bill this way.
 */
export async function issueSubscriptionInvoice(
  container: MedusaContainer,
  sub: SubscriptionDTO,
  source: { source_type: "renewal" | "dues"; source_id: string; issued_at: Date; payment_method_label: string | null; metadata?: Record<string, unknown> }
) {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: sub.customer_id }, { take: 1 })
  const amount = Number(sub.amount)
  const quantity = Math.max(1, sub.quantity ?? 1)
  return service.issueInvoice({
    portal_id: sub.portal_id,
    mode: sub.mode,
    customer_id: sub.customer_id,
    subscription_id: sub.id,
    currency_code: sub.currency_code,
    customer_email: customer?.email ?? "",
    customer_name: [customer?.first_name, customer?.last_name].filter(Boolean).join(" ") || null,
    subtotal: amount,
    discount_total: 0,
    shipping_total: 0,
    tax_total: 0,
    total: amount,
    ...source,
    lines: [
      {
        kind: "item",
        title: sub.plan_title,
        description: null,
        product_variant_id: sub.product_variant_id,
        quantity,
        unit_price: Math.round(amount / quantity),
        subtotal: amount,
        discount_total: 0,
        tax_total: 0,
        total: amount,
      },
    ],
  })
}

/**
 * A charge whose outcome is not known yet: the order may be placed and its
 * payment authorized, but not captured (a database connection dropped, the
 * provider did not answer). The invoice keeps the charge's cart, so the next
 * attempt — the customer's retry, the renewal job, or the job's sweep of
 * interrupted charges — completes this same charge instead of making another.
 */
export class ChargeInterrupted extends MedusaError {
  constructor() {
    super(MedusaError.Types.UNEXPECTED_STATE, "Your payment could not be completed just now. Try again in a moment: you will not be charged twice.")
  }
}

type PlacedOrder = { order_id: string; payment_id: string | undefined; captured: boolean }

/**
 * The order a charge's cart became, with its payment, or null when the cart
 * was never completed. When that cannot be read, whether money was taken is
 * unknown: `ChargeInterrupted`.
 */
export async function placedOrder(container: MedusaContainer, cartId: string): Promise<PlacedOrder | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query
    .graph({
      entity: "cart",
      fields: ["order.id", "order.payment_collections.payments.id", "order.payment_collections.payments.captured_at"],
      filters: { id: cartId },
    })
    .catch(() => {
      throw new ChargeInterrupted()
    })
  const order = (cart as any)?.order
  if (!order?.id) return null
  const payment = order.payment_collections?.[0]?.payments?.[0]
  return { order_id: order.id, payment_id: payment?.id, captured: !payment || !!payment.captured_at }
}

/** Captures a placed order's payment if it is not yet: the money is taken once, whichever attempt gets here. */
async function settle(container: MedusaContainer, placed: PlacedOrder): Promise<Charge> {
  if (placed.payment_id && !placed.captured) {
    try {
      await capturePaymentWorkflow(container).run({ input: { payment_id: placed.payment_id } })
    } catch (error) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Customer portal: capturing payment ${placed.payment_id} failed; the next attempt captures it: ${(error as Error)?.message ?? error}`)
      throw new ChargeInterrupted()
    }
  }
  return { ok: true, order_id: placed.order_id, payment_id: placed.payment_id as string }
}

/**
 * Charges one period as an order of the renewal (so the merchant sees it in
 * the admin, with its payment, and can refund it there): a cart for the
 * customer with the plan at the subscription's price, paid off-session with
 * the saved method — through the account holder of the record that keeps it
 * — completed and captured. A decline leaves the cart open
 * and no order, and takes the cart (and `using.metadata`) off the invoice
 * again. The cart's id is kept on the invoice first, so an attempt after a
 * crash or a lost connection finds the order already placed and only
 * captures it, instead of charging again; when that cannot be known or done
 * now, `ChargeInterrupted` is thrown and the cart stays on the invoice for
 * the next attempt. An open invoice with a cart is therefore a charge under
 * way or interrupted, never a declined one.
 */
export async function chargePeriod(container: MedusaContainer, sub: SubscriptionDTO, invoice: InvoiceDTO, using?: ChargeWith): Promise<Charge> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const earlierCart = (invoice.metadata as { renewal_cart_id?: string } | null)?.renewal_cart_id
  if (earlierCart) {
    const placed = await placedOrder(container, earlierCart)
    if (placed) return settle(container, placed)
  }
  const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: sub.customer_id }, { take: 1 })
  const quantity = Math.max(1, sub.quantity ?? 1)
  const methodId = using?.payment_method_id ?? sub.payment_method_id
  // The order is the subscription's customer's; the payment is made for the record whose account holder has the method.
  const payer = using?.customer_id ?? sub.payment_customer_id ?? sub.customer_id
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: sub.region_id ?? undefined,
      sales_channel_id: sub.sales_channel_id ?? undefined,
      customer_id: sub.customer_id,
      email: customer?.email,
      currency_code: sub.currency_code,
      items: [
        {
          variant_id: sub.product_variant_id,
          quantity,
          // The price agreed when the subscription started, whatever the variant costs today.
          unit_price: Number(minorUnitsToDecimal(Math.round(Number(sub.amount) / quantity), sub.currency_code)),
        },
      ],
      metadata: { customer_portal_renewal_of: sub.id, customer_portal_invoice_id: invoice.id },
    },
  })
  // Metadata is merged on update; "" removes a key.
  const attempt = { renewal_cart_id: cart.id, ...(using?.metadata ?? {}) }
  await service.updateInvoices({ id: invoice.id, metadata: attempt })
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
  let failed: { error: unknown } | null = null
  try {
    await createPaymentSessionsWorkflow(container).run({
      input: {
        payment_collection_id: collection.id,
        provider_id: using?.provider_id ?? sub.payment_provider_id!,
        customer_id: payer,
        // `payment_method_id` for the test card provider, `payment_method` + `confirm` for Stripe's
        // (a PaymentIntent confirmed at once); off-session unless the customer is paying right now.
        data: {
          payment_method_id: methodId,
          payment_method: methodId,
          off_session: !using?.on_session,
          confirm: true,
          ...(using?.on_session?.confirmation ? { confirmation: using.on_session.confirmation } : {}),
        },
      },
    })
    await completeCartWorkflow(container).run({ input: { id: cart.id } })
  } catch (error) {
    failed = { error }
  }
  // Even after an error the order may have been placed (the error came after it): then it is a charge, not a decline.
  const placed = await placedOrder(container, cart.id)
  if (placed) return settle(container, placed)
  const declined = failed ? await refusal(container, cart.id, failed.error).catch(() => null) : null
  if (!declined) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Customer portal: a charge was interrupted: ${(failed?.error as Error)?.message ?? "no order"}`)
    throw new ChargeInterrupted()
  }
  // Nothing of this attempt is left for the next one to find.
  await service.updateInvoices({ id: invoice.id, metadata: Object.fromEntries(Object.keys(attempt).map((key) => [key, ""])) })
  return { ok: false, ...declined }
}

/**
 * Marks a renewal invoice paid by the order that charged it, and makes its
 * lines and totals the snapshot of that order — taxes as the region charged
 * them — in place of the estimate it was issued with.
 */
export async function paidFromOrder(container: MedusaContainer, invoice: InvoiceDTO, charge: { order_id: string; payment_id: string }, now: Date) {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ORDER_INVOICE_FIELDS, filters: { id: charge.order_id } })
  const snapshot = order ? invoiceFromOrder(order) : null
  if (snapshot) {
    const old = await service.listInvoiceLines({ invoice: { id: invoice.id } } as any, { select: ["id"] })
    if (old.length) await service.deleteInvoiceLines(old.map((line) => line.id))
    await service.createInvoiceLines(snapshot.lines.map((line, rank) => ({ ...line, rank, invoice_id: invoice.id })) as any)
  }
  await service.updateInvoices({
    id: invoice.id,
    status: "paid",
    paid_at: now,
    order_id: charge.order_id,
    payment_id: charge.payment_id,
    ...(snapshot
      ? {
          subtotal: snapshot.subtotal,
          discount_total: snapshot.discount_total,
          shipping_total: snapshot.shipping_total,
          tax_total: snapshot.tax_total,
          total: snapshot.total,
          billing_address: snapshot.billing_address,
          payment_method_label: snapshot.payment_method_label ?? invoice.payment_method_label,
        }
      : {}),
  } as any)
}

export const renewSubscriptionStepId = "renew-subscription"

/**
 * S2: renews one subscription if it is due — issues the period's invoice
 * (once per period), charges the saved method, and either pays the invoice
 * and starts the next period, or puts the subscription on hold with the
 * invoice left open. Runs under the subscription's lock (see the workflow);
 * re-reads the subscription inside it, so a second run for the same period
 * finds nothing due. If recording the outcome fails after the money was
 * taken, the payment is refunded before the error goes on.
 */
export const renewSubscriptionStep = createStep(renewSubscriptionStepId, async (input: { subscription_id: string }, { container }) => {
  try {
    return new StepResponse(await withSubscriptionLock(container, input.subscription_id, () => renew(container, input.subscription_id)))
  } catch (error) {
    if (error instanceof SubscriptionLocked) {
      // Another run holds it and renews it: nothing to do here.
      return new StepResponse<RenewSubscriptionOutcome>({ outcome: "skipped", subscription_id: input.subscription_id, customer_id: null })
    }
    throw error
  }
})

async function renew(container: MedusaContainer, subscriptionId: string): Promise<RenewSubscriptionOutcome> {
  const input = { subscription_id: subscriptionId }
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const now = clock.now()
  const [sub] = await service.listSubscriptions({ id: input.subscription_id }, { take: 1 })
  if (!sub || sub.status !== "active" || !sub.next_renewal_at || new Date(sub.next_renewal_at) > now) {
    return ({ outcome: "skipped", subscription_id: input.subscription_id, customer_id: sub?.customer_id ?? null })
  }
  if (sub.cancel_at_period_end) {
    // Cancelled for the end of the period: it ends now, and nothing is charged.
    await service.transitionSubscription(sub.id, "cancelled", { ended_at: sub.current_period_end, next_renewal_at: null })
    return ({ outcome: "ended", subscription_id: sub.id, customer_id: sub.customer_id })
  }
  const periodStart = new Date(sub.current_period_end)
  const periodEnd = addInterval(periodStart, sub.interval, sub.interval_count)
  const { invoice } = await issueSubscriptionInvoice(container, sub, {
    source_type: "renewal",
    source_id: periodKey(sub.id, periodStart),
    issued_at: now,
    payment_method_label: cardLabel(sub.payment_method_brand, sub.payment_method_last4),
    metadata: { period_start: periodStart.toISOString(), period_end: periodEnd.toISOString() },
  })

  const charge: Charge =
    invoice.status === "paid"
      ? { ok: true, order_id: invoice.order_id!, payment_id: invoice.payment_id! }
      : await chargePeriod(container, sub, invoice)

  if (!charge.ok) {
    await service.updateInvoices({ id: invoice.id, metadata: { last_payment_error: charge.reason, last_payment_error_code: charge.code } })
    await service.transitionSubscription(sub.id, "on_hold", { on_hold_since: now, next_renewal_at: null })
    return ({
      outcome: "failed",
      subscription_id: sub.id,
      customer_id: sub.customer_id,
      invoice_id: invoice.id,
      reason: charge.reason,
    })
  }
  try {
    if (invoice.status !== "paid") {
      await paidFromOrder(container, invoice, charge, now)
    }
    await service.updateSubscriptions({
      id: sub.id,
      current_period_start: periodStart,
      current_period_end: periodEnd,
      next_renewal_at: periodEnd,
    })
  } catch (error) {
    // Never money taken with the period unrecorded: give it back, then fail.
    if (charge.payment_id && invoice.status !== "paid") {
      await refundPaymentWorkflow(container)
        .run({ input: { payment_id: charge.payment_id, note: "Renewal could not be recorded" } })
        .catch(() => undefined)
    }
    throw error
  }
  return ({
    outcome: "renewed",
    subscription_id: sub.id,
    customer_id: sub.customer_id,
    invoice_id: invoice.id,
    order_id: charge.order_id,
  })
}

export const retryOnHoldChargeStepId = "retry-on-hold-charge"

/**
 * The merchant retries an on-hold subscription's failed charge with its
 * current payment method: the open invoice it owes is charged (never a new
 * one); on success the invoice is paid and the subscription is active again
 * with a new period from now; on failure it stays on hold.
 */
export const retryOnHoldChargeStep = createStep(retryOnHoldChargeStepId, async (input: { subscription_id: string }, { container }) =>
  new StepResponse(await withSubscriptionLock(container, input.subscription_id, () => retry(container, input.subscription_id), { waitMs: 5_000 }))
)

async function retry(container: MedusaContainer, subscriptionId: string): Promise<RenewSubscriptionOutcome> {
  const input = { subscription_id: subscriptionId }
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const now = clock.now()
  const sub = await service.retrieveSubscription(input.subscription_id)
  if (sub.status !== "on_hold") {
    return ({ outcome: "skipped", subscription_id: sub.id, customer_id: sub.customer_id })
  }
  const [invoice] = await service.listInvoices(
    { subscription_id: sub.id, status: "open", source_type: ["renewal", "dues"] },
    { take: 1, order: { issued_at: "DESC" } }
  )
  if (!invoice) {
    return ({ outcome: "skipped", subscription_id: sub.id, customer_id: sub.customer_id })
  }
  const charge = await chargePeriod(container, sub, invoice)
  if (!charge.ok) {
    await service.updateInvoices({ id: invoice.id, metadata: { last_payment_error: charge.reason, last_payment_error_code: charge.code } })
    return ({ outcome: "failed", subscription_id: sub.id, customer_id: sub.customer_id, invoice_id: invoice.id, reason: charge.reason })
  }
  const periodEnd = addInterval(now, sub.interval, sub.interval_count)
  await paidFromOrder(container, invoice, charge, now)
  await service.transitionSubscription(sub.id, "active", {
    on_hold_since: null,
    current_period_start: now,
    current_period_end: periodEnd,
    next_renewal_at: periodEnd,
  })
  return ({
    outcome: "renewed",
    subscription_id: sub.id,
    customer_id: sub.customer_id,
    invoice_id: invoice.id,
    order_id: charge.order_id,
  })
}

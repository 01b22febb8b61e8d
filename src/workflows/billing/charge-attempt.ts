import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import {
  cancelOrderWorkflow,
  capturePaymentWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { minorUnitsToDecimal } from "../../lib/money"
import { paymentModeRefusal } from "../../lib/portal-policy"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import type { InvoiceDTO, SubscriptionDTO } from "../../modules/customer-portal/service"
import { ChargeFenceLost, type ChargeAttempt } from "../../modules/customer-portal/services/charge-attempts"

/**
 * One charge of an invoice a subscription owes, as an order of the renewal
 * (so the merchant sees it in the admin, with its payment, and can refund it
 * there). The charge's cart is attached to the invoice before any money can
 * move, and stays attached until a proven outcome, so whoever comes next —
 * the customer's retry, the renewal job, the merchant's retry, the sweep of
 * interrupted charges — finds it and finishes it:
 *
 * - a cart that became an order is a charge: it is captured if it is not yet
 *   (never a second charge beside it), and recorded; its payment counts as
 *   paid only while it is captured and not refunded or cancelled;
 * - a cart that never became an order took no money (money moves only when
 *   its order's payment is captured, below), so it is replaced by a new
 *   attempt;
 * - a decline, or a bank asking the customer to confirm, takes the cart off.
 *
 * Every step that moves money or attaches an attempt checks the holder's
 * fencing token first; the capture itself runs holding the subscription's
 * row with the token checked, so a holder whose lease lapsed never captures.
 *
 * The core workflows here run on their own, without the calling workflow's
 * context: each must commit by itself so the attempt's bookkeeping is durable
 * before the next moves money, and the order's events (`order.placed`,
 * `payment.captured`) must go out even if the caller's workflow later fails
 * (the caller's event group would drop them).
 */

export type Charge =
  | { ok: true; order_id: string; payment_id: string; cart_id: string | null; adopt_method: Record<string, unknown> | null }
  /** `requires_action`: the customer must confirm the payment with their bank first (on-session charges only). */
  | { ok: false; reason: string; code: string | null; requires_action?: boolean; nothing?: boolean }

/** Who pays: the subscription's saved method off-session, or a method the customer chose just now, on-session. */
export type ChargeWith = {
  provider_id: string
  payment_method_id: string
  /** The customer record whose account holder keeps the method (one person's records each have their own). */
  customer_id: string
  /** The customer is present: a bank's extra confirmation can be asked for, and once given is passed on. */
  on_session?: { confirmation?: "completed" }
  /** The method the subscription takes once this charge is paid, whoever finishes it. */
  adopt_method?: Record<string, unknown>
}

/**
 * A charge whose outcome is not known yet: the order may be placed and its
 * payment authorized, but not captured (a database connection dropped, the
 * provider did not answer). The attempt stays on the invoice, so the next
 * attempt completes this same charge instead of making another.
 */
export class ChargeInterrupted extends MedusaError {
  constructor() {
    super(MedusaError.Types.UNEXPECTED_STATE, "Your payment could not be completed just now. Try again in a moment: you will not be charged twice.", "charge_interrupted")
  }
}

type PlacedOrder = { order_id: string; payment_id: string | undefined; captured: boolean; kept: boolean; voided: boolean }

/**
 * The order a charge's cart became, with its payment, or null when the cart
 * was never completed. `kept`: the payment is captured and not (wholly)
 * refunded; `voided`: it was cancelled or refunded in full, so it pays
 * nothing. When that cannot be read, whether money was taken is unknown:
 * `ChargeInterrupted`.
 */
export async function placedOrder(container: MedusaContainer, cartId: string): Promise<PlacedOrder | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query
    .graph({
      entity: "cart",
      fields: [
        "order.id",
        "order.payment_collections.payments.id",
        "order.payment_collections.payments.amount",
        "order.payment_collections.payments.captured_at",
        "order.payment_collections.payments.canceled_at",
        "order.payment_collections.payments.refunds.amount",
      ],
      filters: { id: cartId },
    })
    .catch(() => {
      throw new ChargeInterrupted()
    })
  const order = (cart as any)?.order
  if (!order?.id) return null
  const payment = order.payment_collections?.[0]?.payments?.[0]
  if (!payment) return { order_id: order.id, payment_id: undefined, captured: true, kept: true, voided: false }
  const refunded = (payment.refunds ?? []).reduce((sum: number, r: { amount: unknown }) => sum + Number(r.amount), 0)
  const voided = !!payment.canceled_at || (refunded > 0 && refunded >= Number(payment.amount))
  const captured = !!payment.captured_at
  return { order_id: order.id, payment_id: payment.id, captured, kept: captured && !voided, voided }
}

/** The one payment session of a charge's cart, if it has one. */
async function sessionOf(container: MedusaContainer, cartId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({ entity: "cart", fields: ["payment_collection.payment_sessions.status", "payment_collection.payment_sessions.data"], filters: { id: cartId } })
  return (cart as any)?.payment_collection?.payment_sessions?.[0] as { status: string; data: Record<string, unknown> } | undefined
}

/**
 * Why a payment was refused, in the provider's words (and its code) when it
 * gave them; null when nothing says the method was refused — the provider
 * failed or timed out, a connection dropped — so it is no decline.
 */
async function refusal(container: MedusaContainer, cartId: string, error: unknown): Promise<{ reason: string; code: string | null; requires_action: boolean } | null> {
  const session = await sessionOf(container, cartId)
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

type Holder = { sub: SubscriptionDTO; invoice: InvoiceDTO; fence: number }

/**
 * Captures a placed order's payment if it is not yet, holding the fence:
 * the money is taken once, whichever attempt gets here. A holder that lost
 * the fence stops; if a newer holder has meanwhile replaced its attempt, the
 * order it placed can never be captured, and is cancelled (its authorization
 * released).
 */
async function settle(container: MedusaContainer, { sub, invoice, fence }: Holder, cartId: string, placed: PlacedOrder, attempt: ChargeAttempt): Promise<Charge> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  if (placed.payment_id && !placed.captured) {
    try {
      await service.withChargeFence(sub.id, fence, () => capturePaymentWorkflow(container).run({ input: { payment_id: placed.payment_id! } }))
    } catch (error) {
      if (error instanceof ChargeFenceLost) {
        await releaseOrphan(container, invoice.id, cartId, placed.order_id)
        throw error
      }
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Customer portal: capturing payment ${placed.payment_id} failed; the next attempt captures it: ${(error as Error)?.message ?? error}`)
      throw new ChargeInterrupted()
    }
  }
  return { ok: true, order_id: placed.order_id, payment_id: placed.payment_id as string, cart_id: cartId, adopt_method: attempt.adopt_method ?? null }
}

/** Cancels an order whose cart is no longer the invoice's attempt: nobody will ever capture it. */
async function releaseOrphan(container: MedusaContainer, invoiceId: string, cartId: string, orderId: string) {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const [current] = await service.listInvoices({ id: invoiceId }, { select: ["id", "charge_cart_id"], take: 1 }).catch(() => [])
  if (!current || current.charge_cart_id === cartId) return
  await cancelOrderWorkflow(container)
    .run({ input: { order_id: orderId, no_notification: true } })
    .catch((error) => container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Customer portal: cancelling the orphan charge order ${orderId} failed: ${(error as Error)?.message ?? error}`))
}

/**
 * Charges an open invoice (see the top of this file): finishes the attempt
 * attached to it if that is a charge, or else starts one with `using` (the
 * subscription's saved method when none is given).
 */
export async function chargeInvoice(container: MedusaContainer, holder: Holder, using?: ChargeWith, options: { resumeOnly?: boolean } = {}): Promise<Charge> {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const cartId = holder.invoice.charge_cart_id
  if (cartId) {
    const attempt = (holder.invoice.charge_attempt ?? {}) as ChargeAttempt
    const placed = await placedOrder(container, cartId)
    if (placed && !placed.voided) return settle(container, holder, cartId, placed, attempt)
    if (options.resumeOnly && !placed) return NOTHING
    // Refunded or cancelled (it never counts as paid), or never an order (it took nothing): a new attempt replaces it.
    const detached = await service.detachChargeAttempt({ invoice_id: holder.invoice.id, subscription_id: holder.sub.id, fence: holder.fence, cart_id: cartId })
    if (!detached) throw new ChargeFenceLost()
  }
  if (options.resumeOnly) return NOTHING
  return startAttempt(container, holder, using)
}

/** No charge was made, nor anything declined: there was nothing to charge, or nothing to finish. */
export const NOTHING: Charge = { ok: false, reason: "", code: null, nothing: true }

async function startAttempt(container: MedusaContainer, holder: Holder, using?: ChargeWith): Promise<Charge> {
  const { sub, invoice, fence } = holder
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  // Test money never pays a live record (nor real money a test one): declined before any cart exists.
  const wrongMode = paymentModeRefusal(using?.provider_id ?? sub.payment_provider_id ?? "", invoice.mode, service.getOptions().testPaymentProviders)
  if (wrongMode && (using?.provider_id ?? sub.payment_provider_id)) return { ok: false, reason: wrongMode.message, code: wrongMode.code ?? null }
  const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: sub.customer_id }, { take: 1 })
  const methodId = using?.payment_method_id ?? sub.payment_method_id
  const attempt: ChargeAttempt = {
    provider_id: using?.provider_id ?? sub.payment_provider_id ?? undefined,
    payment_method_id: methodId ?? undefined,
    // The order is the subscription's customer's; the payment is made for the record whose account holder has the method.
    payer_id: using?.customer_id ?? sub.payment_customer_id ?? sub.customer_id,
    on_session: !!using?.on_session,
    adopt_method: using?.adopt_method ?? null,
  }
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: sub.region_id ?? undefined,
      sales_channel_id: sub.sales_channel_id ?? undefined,
      customer_id: sub.customer_id,
      email: customer?.email,
      currency_code: sub.currency_code,
      items: [periodLine(sub)],
      // For people reading the order in the admin; the portal recognises its charges by the invoice's attempt, not by this.
      metadata: { customer_portal_renewal_of: sub.id, customer_portal_invoice_id: invoice.id },
    },
  })
  if (!(await service.attachChargeAttempt({ invoice_id: invoice.id, subscription_id: sub.id, fence, cart_id: cart.id, attempt }))) {
    throw new ChargeFenceLost()
  }
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
  let failed: { error: unknown } | null = null
  try {
    if (!(await service.holdsChargeFence(sub.id, fence))) throw new ChargeFenceLost()
    await createPaymentSessionsWorkflow(container).run({
      input: {
        payment_collection_id: collection.id,
        provider_id: attempt.provider_id!,
        customer_id: attempt.payer_id,
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
    // Placing the order authorizes the payment: only while still the holder.
    if (!(await service.holdsChargeFence(sub.id, fence))) throw new ChargeFenceLost()
    await completeCartWorkflow(container).run({ input: { id: cart.id } })
  } catch (error) {
    if (error instanceof ChargeFenceLost) throw error
    failed = { error }
  }
  // Even after an error the order may have been placed (the error came after it): then it is a charge, not a decline.
  const placed = await placedOrder(container, cart.id)
  if (placed) return settle(container, holder, cart.id, placed, attempt)
  const declined = failed ? await refusal(container, cart.id, failed.error).catch(() => null) : null
  if (!declined) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Customer portal: a charge was interrupted: ${(failed?.error as Error)?.message ?? "no order"}`)
    throw new ChargeInterrupted()
  }
  // Nothing of this attempt is left for the next one to find (a newer holder that took over takes it off itself).
  await service.detachChargeAttempt({ invoice_id: invoice.id, subscription_id: sub.id, fence, cart_id: cart.id })
  return { ok: false, ...declined }
}

/**
 * The cart line of one period, at the price agreed when the subscription
 * started (whatever the variant costs today). Its total is exactly that
 * amount: a quantity that does not divide it evenly is charged as one line
 * of the whole amount, never a rounded unit price times the quantity.
 */
export function periodLine(sub: Pick<SubscriptionDTO, "product_variant_id" | "quantity" | "amount" | "currency_code">) {
  const amount = Number(sub.amount)
  const quantity = Math.max(1, sub.quantity ?? 1)
  const even = amount % quantity === 0
  return {
    variant_id: sub.product_variant_id,
    quantity: even ? quantity : 1,
    unit_price: Number(minorUnitsToDecimal(even ? amount / quantity : amount, sub.currency_code)),
    ...(even ? {} : { metadata: { customer_portal_quantity: quantity } }),
  }
}

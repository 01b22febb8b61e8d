import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { toMinorUnits } from "../../lib/money"
import { lineItemTitle } from "../../lib/order-invoice"
import { addInterval } from "../../lib/subscription-periods"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import { isPortalChargeOrder } from "../../lib/charge-orders"
import { orderMode } from "../../lib/record-mode"
import { adapterFor } from "../../lib/payment-adapters"

export type StartOrderSubscriptionsStepInput = { order_id: string; portal: { id: string } }

const ORDER_FIELDS = [
  "id",
  "status",
  "customer_id",
  "region_id",
  "sales_channel_id",
  "currency_code",
  "created_at",
  "metadata",
  "total",
  "items.id",
  "items.variant_id",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.quantity",
  "items.unit_price",
  "items.subtotal",
  "items.discount_total",
  "items.tax_total",
  "payment_collections.payments.id",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.data",
  "customer.account_holders.*",
]

/**
 * The price of one renewal of an order line, in minor units: the line before
 * any discount (a discount is for the first order) and before tax — each
 * renewal's cart adds the tax its region charges then.
 */
export function renewalAmount(item: { subtotal: unknown }, currency: string): number {
  return toMinorUnits(item.subtotal as number, currency)
}

/** The method a payment was made with, as its provider's adapter reads it (test cards: `payment_method_id`; Stripe: the intent's `payment_method`). */
const methodIdOf = (payment: any): string | undefined => adapterFor(payment?.provider_id).methodIdOfPayment(payment?.data)

/**
 * The saved payment method an order was paid with, as the customer's
 * account holder keeps it (renewals charge it off-session), or null when the
 * order was not paid with a saved method.
 */
async function savedMethodOf(container: MedusaContainer, order: any) {
  const payment = (order.payment_collections ?? []).flatMap((pc: any) => pc.payments ?? []).find((p: any) => methodIdOf(p))
  const accountHolder = (order.customer?.account_holders ?? []).find((h: any) => h?.provider_id === payment?.provider_id)
  if (!payment || !accountHolder) return null
  const saved = await container
    .resolve(Modules.PAYMENT)
    .listPaymentMethods({ provider_id: payment.provider_id, context: { account_holder: accountHolder } as any })
  const method = saved.find((m) => m.id === methodIdOf(payment)) as { id: string; data: Record<string, unknown> } | undefined
  return method ? { provider_id: payment.provider_id as string, account_holder_id: accountHolder.id as string, method } : null
}

export const startOrderSubscriptionsStepId = "start-order-subscriptions"

/**
 * Starts a subscription for each line of the order whose variant is a plan,
 * when the order was paid with a method saved to the customer's account
 * holder (renewals charge it later, off-session). One subscription per line:
 * a second run finds it and starts nothing. Renewal orders start nothing.
 */
export const startOrderSubscriptionsStep = createStep(
  startOrderSubscriptionsStepId,
  async (input: StartOrderSubscriptionsStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const none = new StepResponse({ started: [] as { id: string; customer_id: string; order_id: string }[] })
    const {
      data: [order],
    } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: input.order_id } })
    // A cancelled order starts nothing, even when its placing is handled after its cancelling.
    if (!order?.customer_id || order.status === "canceled" || (await isPortalChargeOrder(container, order.id))) {
      return none
    }
    const items = (order.items ?? []).filter((item: any) => item?.variant_id)
    if (!items.length) return none
    const plans = await service.listSubscriptionPlans({ product_variant_id: items.map((i: any) => i.variant_id) })
    if (!plans.length) return none

    const paid = await savedMethodOf(container, order)
    const method = paid?.method
    if (!paid || !method) {
      const providerId = (order.payment_collections ?? []).flatMap((pc: any) => pc.payments ?? [])[0]?.provider_id
      logger.warn(
        `Customer portal: order ${order.id} has subscription plans but was not paid with a saved payment method; no subscription started. ` +
          `Renewals charge the saved method off-session, so the storefront must save it at checkout (${adapterFor(providerId).checkoutSaveHint}).`
      )
      return none
    }

    const started: { id: string; customer_id: string; order_id: string }[] = []
    // A subscription is test or live as the money that started it.
    const mode = await orderMode(container, order.id)
    const start = new Date(order.created_at)
    const card = adapterFor(paid.provider_id).cardOf(method.data)
    for (const item of items) {
      const plan = plans.find((p) => p.product_variant_id === item.variant_id)
      if (!plan) continue
      const [existing] = await service.listSubscriptions({ order_line_item_id: item.id }, { take: 1 })
      if (existing) continue
      const end = addInterval(start, plan.interval, plan.interval_count)
      try {
        const subscription = await service.createSubscriptions({
          portal_id: input.portal.id,
          mode,
          customer_id: order.customer_id,
          product_variant_id: item.variant_id,
          order_id: order.id,
          order_line_item_id: item.id,
          region_id: order.region_id,
          sales_channel_id: order.sales_channel_id,
          quantity: Number(item.quantity),
          status: "active",
          plan_title: lineItemTitle(item),
          interval: plan.interval,
          interval_count: plan.interval_count,
          amount: renewalAmount(item, order.currency_code),
          currency_code: order.currency_code,
          current_period_start: start,
          current_period_end: end,
          next_renewal_at: end,
          payment_provider_id: paid.provider_id,
          account_holder_id: paid.account_holder_id,
          payment_method_id: method.id,
          // What the portal shows of the card, where the provider keeps it (Stripe nests it under `card`).
          payment_method_brand: card.brand,
          payment_method_last4: card.last4,
          payment_method_exp_month: card.exp_month,
          payment_method_exp_year: card.exp_year,
        } as any)
        started.push({ id: subscription.id, customer_id: subscription.customer_id, order_id: order.id })
      } catch (error) {
        // The same line started by a concurrent run (unique order_line_item_id): nothing more to do.
        const [raced] = await service.listSubscriptions({ order_line_item_id: item.id }, { take: 1 })
        if (!raced) throw error
      }
    }
    return new StepResponse({ started })
  }
)

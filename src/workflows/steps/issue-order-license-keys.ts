import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clock } from "../../lib/clock"
import { lineItemTitle } from "../../lib/order-invoice"
import { generateLicenseKey } from "../../lib/tokens"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import { isPortalChargeOrder } from "../../lib/charge-orders"
import { orderMode } from "../../lib/record-mode"

export type IssueOrderLicenseKeysStepInput = { order_id: string; portal: { id: string } }

/** More keys than this for one order line is a mistake, not a purchase. */
export const MAX_KEYS_PER_LINE = 1000
const DAY = 86_400_000

/**
 * Issues one license key per unit of each order line whose variant has a
 * license plan, with the plan's activation limit, validity and prefix. A
 * line that started a subscription ties its keys to it: they live as long as
 * it does (no expiry of their own) and are disabled while it is on hold. A
 * second run for the same order issues nothing. Renewal orders issue none.
 */
export const issueOrderLicenseKeysStep = createStep("issue-order-license-keys", async (input: IssueOrderLicenseKeysStepInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const none = new StepResponse({ issued: [] as string[], customer_id: null as string | null })
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id", "created_at", "metadata", "status", "items.*", "payment_collections.payments.captured_at"],
    filters: { id: input.order_id },
  })
  // A cancelled order grants nothing, even when its placing is handled after its cancelling.
  if (!order?.customer_id || order.status === "canceled" || (await isPortalChargeOrder(container, order.id))) return none
  // With `licenseKeysOnCapture`, an order only authorized issues nothing yet: its capture does (payment.captured).
  const captured = (order.payment_collections ?? []).some((c: any) => (c?.payments ?? []).some((p: any) => p?.captured_at))
  if (service.getOptions().licenseKeysOnCapture && !captured) return none
  const items = (order.items ?? []).filter((item: any) => item?.variant_id)
  if (!items.length) return none
  const plans = await service.listLicensePlans({ product_variant_id: items.map((item: any) => item.variant_id) })
  if (!plans.length) return none
  const planOf = new Map(plans.map((plan) => [plan.product_variant_id, plan]))
  const subscriptions = await service.listSubscriptions({ order_id: order.id }, { select: ["id", "order_line_item_id", "status"] })
  const subscriptionOf = new Map(subscriptions.map((sub) => [sub.order_line_item_id, sub]))
  const issuedAt = new Date(order.created_at as any)
  const now = clock.now()
  // A key is test or live as the money that paid for it.
  const mode = await orderMode(container, order.id)

  const keys = items.flatMap((item: any) => {
    const plan = planOf.get(item.variant_id)
    if (!plan) return []
    const sub = subscriptionOf.get(item.id)
    const units = Math.min(Math.max(0, Math.floor(Number(item.quantity))), MAX_KEYS_PER_LINE)
    return Array.from({ length: units }, (_, unit) => ({
      portal_id: input.portal.id,
      mode,
      key: generateLicenseKey(plan.key_prefix),
      customer_id: order.customer_id!,
      order_id: order.id,
      order_line_item_id: item.id as string,
      line_unit: unit,
      product_variant_id: item.variant_id as string,
      subscription_id: sub?.id ?? null,
      product_title: lineItemTitle(item) || "License",
      activation_limit: plan.activation_limit ?? null,
      expires_at: sub || !plan.validity_days ? null : new Date(issuedAt.getTime() + plan.validity_days * DAY),
      disabled_at: sub?.status === "on_hold" ? now : null,
    }))
  })
  return new StepResponse({ issued: await service.issueLicenseKeys(keys), customer_id: order.customer_id as string })
})

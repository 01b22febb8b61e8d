import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import { PORTAL_REFUSAL_CODES } from "../../lib/portal-policy"
import { ChargeInterrupted, placedOrder } from "./charge-attempt"

/**
 * The codes whose sentence is written for the customer and may be shown as it
 * is: the portal's refusals, and the charge path's own interruptions.
 */
const SAYABLE = new Set<string>([...PORTAL_REFUSAL_CODES, "charge_interrupted", "charge_in_progress", "subscription_locked", "charge_release_failed"])

const PAYMENT_BEING_RECORDED =
  "Your payment went through, but it could not be recorded just now. It will be within a few minutes, and you will not be charged again."
const NOTHING_CHARGED = "Your payment could not be completed, and nothing was charged: the subscription is still on hold. Try again in a moment."

/**
 * What to tell the person whose charge of a subscription failed, from what
 * the database shows after the workflow undid what it could — never the
 * error's own text unless it was written for them:
 *
 * - a payment is kept and still attached to the invoice (its refund failed,
 *   or it was taken just before the failure): it went through, and will be
 *   recorded by the next try or the sweep — never charged again;
 * - a charge is attached but took nothing yet: try again, never charged twice;
 * - nothing is attached: nothing was charged.
 */
export async function explainChargeFailure(container: MedusaContainer, subscriptionId: string, error: unknown): Promise<MedusaError> {
  const e = error as { code?: string; type?: string; message?: string } | undefined
  if (e?.code && SAYABLE.has(e.code) && e.message) return new MedusaError((e.type as any) ?? MedusaError.Types.NOT_ALLOWED, e.message, e.code)
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const [open] = await service
    .listInvoices({ subscription_id: subscriptionId, status: "open", charge_cart_id: { $ne: null } } as any, { take: 1, select: ["id", "charge_cart_id"] })
    .catch(() => [] as any[])
  if (open?.charge_cart_id) {
    const placed = await placedOrder(container, open.charge_cart_id).catch(() => null)
    if (placed?.kept) return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, PAYMENT_BEING_RECORDED, "payment_being_recorded")
    return new ChargeInterrupted()
  }
  return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, NOTHING_CHARGED, "nothing_charged")
}

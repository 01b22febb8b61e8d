import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clock } from "../../../lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../modules/customer-portal/service"
import type { Charge } from "../charge-attempt"
import type { SubscriptionHold } from "./lock-subscription"

export const recordDeclinedChargeStepId = "record-declined-charge"

/**
 * A declined charge: the invoice keeps the provider's reason and code, and
 * with `hold` (a renewal) the subscription goes on hold, its license keys
 * disabled with it. Undone by restoring both.
 */
export const recordDeclinedChargeStep = createStep(
  recordDeclinedChargeStepId,
  async (input: { hold: SubscriptionHold | null; invoice_id: string | null; charge: Charge; put_on_hold: boolean }, { container }) => {
    type Undo = { hold: SubscriptionHold; invoice_id: string; previous: Record<string, unknown> | null; held: boolean }
    const { hold, invoice_id, charge } = input
    // Only a decline is recorded (a bank asking the customer to confirm is none: they are on the page).
    if (!hold || !invoice_id || charge.ok || charge.nothing || charge.requires_action) {
      return new StepResponse<undefined, Undo>(undefined, undefined as unknown as Undo)
    }
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const invoice = await service.retrieveInvoice(invoice_id, { select: ["id", "metadata"] })
    const previous = invoice.metadata as Record<string, unknown> | null
    // Metadata is merged on update.
    await service.updateInvoices({ id: invoice.id, metadata: { last_payment_error: charge.reason, last_payment_error_code: charge.code } })
    let held = false
    if (input.put_on_hold) {
      await service.transitionSubscription(hold.subscription_id, "on_hold", { on_hold_since: clock.now(), next_renewal_at: null }, { fence: hold.fence })
      held = true
    }
    return new StepResponse<undefined, Undo>(undefined, { hold, invoice_id: invoice.id, previous, held })
  },
  async (saved: { hold: SubscriptionHold; invoice_id: string; previous: Record<string, unknown> | null; held: boolean } | undefined, { container }) => {
    if (!saved) return
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    if (saved.held) {
      const sub = await service.retrieveSubscription(saved.hold.subscription_id)
      await service.transitionSubscription(sub.id, "active", { on_hold_since: null, next_renewal_at: sub.current_period_end })
    }
    await service.updateInvoices({
      id: saved.invoice_id,
      metadata: { last_payment_error: (saved.previous?.last_payment_error as string) ?? "", last_payment_error_code: (saved.previous?.last_payment_error_code as string) ?? "" },
    })
  }
)

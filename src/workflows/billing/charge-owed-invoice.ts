import { transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import type { InvoiceDTO, SubscriptionDTO } from "../../modules/customer-portal/service"
import type { ChargeWith } from "./charge-attempt"
import { activateSubscriptionStep } from "./steps/activate-subscription"
import { chargeInvoiceStep } from "./steps/charge-invoice"
import type { SubscriptionHold } from "./steps/lock-subscription"
import { recordDeclinedChargeStep } from "./steps/record-declined-charge"
import { recordPaidInvoiceStep } from "./steps/record-paid-invoice"

export type ChargeOwedInvoiceInput = {
  /** Null when another holder has the subscription: nothing is done. */
  hold: SubscriptionHold | null
  /** Null when nothing is owed: nothing is done. */
  invoice_id: string | null
  /** The method to charge, when not the subscription's saved one (a reactivation). */
  using?: ChargeWith
  /** A renewal: the period the invoice pays for, which begins once it is paid. Otherwise the subscription is active again from now. */
  period?: { start: string; end: string } | null
  /** A declined renewal puts the subscription on hold; an on-hold one stays on hold. */
  hold_on_decline: boolean
  /** Only finish an attempt already attached (the sweep): never start a new charge. */
  resume_only?: boolean
}

export type ChargeOutcome =
  | { outcome: "paid"; invoice: InvoiceDTO; subscription: SubscriptionDTO; order_id: string; payment_id: string }
  | { outcome: "declined"; reason: string; code: string | null }
  | { outcome: "requires_action" }
  /** Nothing was owed, or (resuming only) there was no charge to finish. */
  | { outcome: "none" }

/**
 * The one way a subscription's period is charged, for every caller — the
 * renewal job, the merchant's retry, the customer's reactivation and the
 * sweep of interrupted charges — inside the caller's workflow, which holds
 * the subscription (`lockSubscriptionStep`) around it:
 *
 *   charge the invoice (finishing the attempt already attached to it, if
 *   any) → record it paid → start the paid period, or make the subscription
 *   active again with the method that paid
 *
 * or, when the charge is declined, record the reason (and put a renewal on
 * hold). Each step undoes what it wrote when a later one fails; the charge's
 * undo gives the payment back, and keeps the attempt when that fails, so the
 * next try records that payment instead of charging again. A payment that
 * was refunded never counts as paid. The steps run in every case and each
 * does nothing when the charge's outcome is not its own (a workflow's
 * conditions do not nest, and callers charge conditionally).
 */
export function chargeOwedInvoice(input: WorkflowData<ChargeOwedInvoiceInput>) {
  const charge = chargeInvoiceStep(
    transform({ input }, ({ input }) => ({ hold: input.hold, invoice_id: input.invoice_id, using: input.using, resume_only: input.resume_only }))
  )
  const invoice = recordPaidInvoiceStep(transform({ input, charge }, ({ input, charge }) => ({ hold: input.hold, invoice_id: input.invoice_id, charge })))
  const subscription = activateSubscriptionStep(transform({ input, charge }, ({ input, charge }) => ({ hold: input.hold, charge, period: input.period ?? null })))
  recordDeclinedChargeStep(
    transform({ input, charge }, ({ input, charge }) => ({ hold: input.hold, invoice_id: input.invoice_id, charge, put_on_hold: input.hold_on_decline }))
  )
  return transform({ charge, invoice, subscription }, ({ charge, invoice, subscription }): ChargeOutcome => {
    if (charge.ok && invoice && subscription) return { outcome: "paid", invoice, subscription, order_id: charge.order_id, payment_id: charge.payment_id }
    if (!charge.ok && charge.nothing) return { outcome: "none" }
    if (!charge.ok && charge.requires_action) return { outcome: "requires_action" }
    const declined = charge as Extract<typeof charge, { ok: false }>
    return { outcome: "declined", reason: declined.reason, code: declined.code }
  })
}

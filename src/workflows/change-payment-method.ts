import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { InvoiceDTO, SubscriptionDTO } from "../modules/customer-portal/service"
import { chargeOwedInvoice, type ChargeOutcome } from "./billing/charge-owed-invoice"
import { announceReactivation } from "./billing/reactivation"
import { findOwedInvoiceStep } from "./billing/steps/find-owed-invoice"
import { lockSubscriptionStep, unlockSubscriptionStep } from "./billing/steps/lock-subscription"
import { switchPaymentMethodStep } from "./billing/steps/switch-payment-method"
import { PortalEvents } from "./events"
import { checkPortalPermissionStep } from "./steps/check-portal-permission"
import { activityOf, recordPortalActivityStep, type PortalActor } from "./steps/record-portal-activity"

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

export type ChangeSubscriptionPaymentMethodInput = {
  subscription_id: string
  payment_method: NewPaymentMethod
  /** Set once the customer has completed their bank's confirmation of the dues payment. */
  confirmation?: "completed"
  actor: PortalActor
  locale?: string
}

export type ChangePaymentMethodOutcome =
  | { outcome: "updated"; subscription: SubscriptionDTO }
  | { outcome: "reactivated"; subscription: SubscriptionDTO; invoice: InvoiceDTO; order_id: string; payment_id: string }
  | { outcome: "requires_action"; subscription: SubscriptionDTO; invoice_id: string }
  | { outcome: "payment_failed"; subscription: SubscriptionDTO; invoice_id: string; reason: string; code: string | null }

export const changeSubscriptionPaymentMethodWorkflowId = "change-subscription-payment-method"

/**
 * M3–M6: the customer confirms a new payment method for a subscription (when
 * the portal's settings let customers change it), holding its lock (a concurrent change of the same subscription, in this
 * process or another, waits for this one and then sees its result). An
 * active subscription switches the method its renewals use. An on-hold one
 * pays what it owes with it, with the customer present, through the one
 * charge path (`chargeOwedInvoice`): paid, it is active again with a new
 * period from now and keeps the method (`subscription.reactivated`, whose
 * subscriber emails the payment received and the subscription active again,
 * M5); declined, or the bank asking the customer to confirm, nothing changes
 * but the invoice's last error: the customer is on the page and is told
 * there. The hook `paymentMethodChanged` runs after every change.
 */
export const changeSubscriptionPaymentMethodWorkflow = createWorkflow(
  changeSubscriptionPaymentMethodWorkflowId,
  (input: ChangeSubscriptionPaymentMethodInput) => {
    checkPortalPermissionStep(
      transform({ input }, ({ input }) => ({ permission: "payment_method_update" as const, by: input.actor.type, subscription_id: input.subscription_id }))
    )
    const hold = lockSubscriptionStep(transform({ input }, ({ input }) => ({ subscription_id: input.subscription_id, wait_ms: 30_000 })))
    const owed = findOwedInvoiceStep(transform({ hold, input }, ({ hold, input }) => ({ hold: hold!, method: input.payment_method })))

    const switched = switchPaymentMethodStep(transform({ hold, owed, input }, ({ hold, owed, input }) => ({ hold: hold!, owed, method: input.payment_method })))
    const charged = chargeOwedInvoice(
        transform({ hold, owed, input }, ({ hold, owed, input }) => ({
          hold,
          invoice_id: owed.invoice_id,
          hold_on_decline: false,
          using: {
            provider_id: input.payment_method.provider_id,
            payment_method_id: input.payment_method.id,
            customer_id: input.payment_method.customer_id,
            on_session: { confirmation: input.confirmation },
            // Whoever finishes this charge if it is interrupted gives the subscription this method.
            adopt_method: input.payment_method,
          },
        }))
      )
    unlockSubscriptionStep(hold)

    const result = transform({ owed, switched, charged }, ({ owed, switched, charged }): ChangePaymentMethodOutcome => {
      if (switched) return { outcome: "updated", subscription: switched }
      const c = charged as ChargeOutcome
      if (c.outcome === "paid") return { outcome: "reactivated", subscription: c.subscription, invoice: c.invoice, order_id: c.order_id, payment_id: c.payment_id }
      if (c.outcome === "declined") return { outcome: "payment_failed", subscription: owed.subscription, invoice_id: owed.invoice_id!, reason: c.reason, code: c.code }
      return { outcome: "requires_action", subscription: owed.subscription, invoice_id: owed.invoice_id! }
    })

    when({ result }, ({ result }) => result.outcome === "updated" || result.outcome === "reactivated").then(() => {
      emitEventStep({
        eventName: PortalEvents.SUBSCRIPTION_PAYMENT_METHOD_UPDATED,
        data: transform({ result, input }, ({ result, input }) => ({ id: result.subscription.id, customer_id: result.subscription.customer_id, by: input.actor.type })),
      }).config({ name: "emit-payment-method-updated" })
      recordPortalActivityStep(
        transform({ result, input }, ({ result, input }) => ({
          entry: activityOf(input.actor, {
            customer_id: result.subscription.customer_id,
            portal_id: result.subscription.portal_id,
            mode: result.subscription.mode,
            action: "payment_method_changed",
            details: { plan: result.subscription.plan_title, brand: input.payment_method.brand, last4: input.payment_method.last4, reactivated: result.outcome === "reactivated" },
          }),
        }))
      ).config({ name: "record-payment-method-changed", continueOnPermanentFailure: true })
    })
    announceReactivation({ charged, actor: input.actor, locale: input.locale })

    const paymentMethodChanged = createHook("paymentMethodChanged", transform({ result }, ({ result }) => result))
    return new WorkflowResponse(result, { hooks: [paymentMethodChanged] })
  }
)

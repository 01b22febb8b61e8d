import { transform, when, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { PortalEvents } from "../events"
import { recordPortalActivityStep, activityOf, type PortalActor } from "../steps/record-portal-activity"
import type { ChargeOutcome } from "./charge-owed-invoice"

/**
 * What follows an on-hold subscription's paid dues, whoever paid them (the
 * customer, the merchant's retry, the sweep): `subscription.reactivated`
 * (whose subscriber emails the payment received and the subscription active
 * again) and the trail's entry. Neither can fail the reactivation.
 */
export function announceReactivation(input: {
  /** The charge's outcome (undefined when nothing was charged), the actor and the customer's language, as workflow data. */
  charged: WorkflowData<ChargeOutcome | undefined> | unknown
  actor: WorkflowData<PortalActor> | PortalActor
  locale?: WorkflowData<string | undefined> | string
}) {
  const { charged, actor, locale } = input as { charged: WorkflowData<ChargeOutcome | undefined>; actor: WorkflowData<PortalActor>; locale?: WorkflowData<string | undefined> }
  when({ charged }, ({ charged }) => charged?.outcome === "paid").then(() => {
    emitEventStep({
      eventName: PortalEvents.SUBSCRIPTION_REACTIVATED,
      data: transform({ charged, actor, locale }, ({ charged, actor, locale }) => {
        const paid = charged as Extract<ChargeOutcome, { outcome: "paid" }>
        return {
          id: paid.subscription.id,
          customer_id: paid.subscription.customer_id,
          invoice_id: paid.invoice.id,
          order_id: paid.order_id,
          by: actor.type,
          locale: locale ?? null,
        }
      }),
    }).config({ name: "emit-subscription-reactivated" })
    recordPortalActivityStep(
      transform({ charged, actor }, ({ charged, actor }) => {
        const paid = charged as Extract<ChargeOutcome, { outcome: "paid" }>
        const entry = activityOf(actor, {
          customer_id: paid.subscription.customer_id,
          portal_id: paid.subscription.portal_id,
          mode: paid.subscription.mode,
          action: "subscription_reactivated",
          details: { plan: paid.subscription.plan_title, invoice_number: paid.invoice.number, brand: paid.subscription.payment_method_brand, last4: paid.subscription.payment_method_last4 },
        })
        return { entry }
      })
    )
      .config({ name: "record-reactivation", continueOnPermanentFailure: true })
  })
}

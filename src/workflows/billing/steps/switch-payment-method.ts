import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_PORTAL_MODULE } from "../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../modules/customer-portal/service"
import { paymentMethodFields } from "./activate-subscription"
import type { SubscriptionDTO } from "../../../modules/customer-portal/service"
import type { OwedInvoice } from "./find-owed-invoice"
import type { SubscriptionHold } from "./lock-subscription"

export const switchPaymentMethodStepId = "switch-payment-method"

/** An active subscription's renewals are charged to `method` from now on. Undone by restoring the method it had. */
export const switchPaymentMethodStep = createStep(
  switchPaymentMethodStepId,
  async (input: { hold: SubscriptionHold; owed: OwedInvoice; method: Record<string, unknown> }, { container }) => {
    type Undo = { id: string; undo: Record<string, unknown> }
    // An on-hold subscription takes a new method only by paying with it (the charge path).
    if (input.owed.invoice_id) return new StepResponse<SubscriptionDTO | null, Undo>(null, undefined as unknown as Undo)
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const before = await service.retrieveSubscription(input.hold.subscription_id)
    const fields = paymentMethodFields(input.method)
    await service.updateSubscriptions({ id: before.id, ...fields } as any)
    const undo = Object.fromEntries(Object.keys(fields).map((field) => [field, (before as any)[field]]))
    return new StepResponse<SubscriptionDTO | null, Undo>(await service.retrieveSubscription(before.id), { id: before.id, undo })
  },
  async (saved: { id: string; undo: Record<string, unknown> } | undefined, { container }) => {
    if (saved) await container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE).updateSubscriptions({ id: saved.id, ...saved.undo } as any)
  }
)

import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clock } from "../../../lib/clock"
import { cardLabel } from "../../../lib/order-invoice"
import { CUSTOMER_PORTAL_MODULE } from "../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../modules/customer-portal/service"
import type { SubscriptionDTO } from "../../../modules/customer-portal/service"
import { paymentModeRefusal } from "../../../lib/portal-policy"
import { owedInvoice } from "../subscription-invoice"
import type { SubscriptionHold } from "./lock-subscription"

export type OwedInvoice = { subscription: SubscriptionDTO; invoice_id: string | null }

export const findOwedInvoiceStepId = "find-owed-invoice"

/**
 * Read under the subscription's lock: the subscription, and — when it is on
 * hold — the invoice it owes (see `owedInvoice`; a dues invoice is issued
 * once per hold and, like a renewal's, kept if the charge fails: it is what
 * the next try charges). An ended subscription has nothing to pay, and a
 * method of the other mode never pays it (test money for a live record).
 */
export const findOwedInvoiceStep = createStep(
  findOwedInvoiceStepId,
  async (input: { hold: SubscriptionHold; method?: { provider_id?: string; brand?: string | null; last4?: string | null } | null }, { container }) => {
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const sub = await service.retrieveSubscription(input.hold.subscription_id)
    if (sub.status === "cancelled" || sub.status === "expired") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This subscription has ended: there is no payment method to change.", "subscription_ended")
    }
    const wrongMode = input.method?.provider_id ? paymentModeRefusal(input.method.provider_id, sub.mode, service.getOptions().testPaymentProviders) : null
    if (wrongMode) throw wrongMode
    if (sub.status !== "on_hold") return new StepResponse<OwedInvoice>({ subscription: sub, invoice_id: null })
    const label = input.method ? cardLabel(input.method.brand, input.method.last4) : cardLabel(sub.payment_method_brand, sub.payment_method_last4)
    const invoice = await owedInvoice(container, sub, clock.now(), label)
    return new StepResponse<OwedInvoice>({ subscription: sub, invoice_id: invoice.id })
  }
)

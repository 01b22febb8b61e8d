import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { CUSTOMER_PORTAL_MODULE } from "../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../modules/customer-portal/service"
import type { ChargeAttempt } from "../../../modules/customer-portal/services/charge-attempts"
import { chargeInvoice, NOTHING, placedOrder, type Charge, type ChargeWith } from "../charge-attempt"
import type { SubscriptionHold } from "./lock-subscription"

/** Nothing to charge (no invoice owed, or the lock was another's): the step does nothing. */
export type ChargeInvoiceStepInput = { hold: SubscriptionHold | null; invoice_id: string | null; using?: ChargeWith; resume_only?: boolean }
type Taken = { hold: SubscriptionHold; invoice_id: string; cart_id: string; payment_id: string }

export const chargeInvoiceStepId = "charge-invoice"

/**
 * Charges an invoice the subscription owes (see `../charge-attempt.ts`); an
 * invoice already paid is not charged again. Undone, when a later step fails,
 * by giving the payment back while the holder still holds the subscription:
 * once the refund went through the attempt is taken off, so the next try
 * charges afresh; if the refund fails, the attempt stays, so the next try
 * records that same payment instead of charging again.
 */
export const chargeInvoiceStep = createStep(
  chargeInvoiceStepId,
  async ({ hold, invoice_id, using, resume_only }: ChargeInvoiceStepInput, { container }) => {
    if (!hold || !invoice_id) return new StepResponse<Charge, Taken>(NOTHING, undefined as unknown as Taken)
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const invoice = await service.retrieveInvoice(invoice_id)
    if (invoice.status === "paid") {
      const attempt = (invoice.charge_attempt ?? {}) as ChargeAttempt
      const charge: Charge = { ok: true, order_id: invoice.order_id!, payment_id: invoice.payment_id!, cart_id: invoice.charge_cart_id, adopt_method: attempt.adopt_method ?? null }
      return new StepResponse<Charge, Taken>(charge, undefined as unknown as Taken)
    }
    const sub = await service.retrieveSubscription(hold.subscription_id)
    const charge = await chargeInvoice(container, { sub, invoice, fence: hold.fence }, using, { resumeOnly: resume_only })
    const taken: Taken | undefined = charge.ok && charge.cart_id ? { hold, invoice_id, cart_id: charge.cart_id, payment_id: charge.payment_id } : undefined
    return new StepResponse<Charge, Taken>(charge, taken as Taken)
  },
  async (taken: Taken | undefined, { container }) => {
    if (!taken) return
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const { hold } = taken
    try {
      await service.withChargeFence(hold.subscription_id, hold.fence, async () => {
        const placed = await placedOrder(container, taken.cart_id)
        if (placed?.kept) {
          await refundPaymentWorkflow(container).run({ input: { payment_id: taken.payment_id, note: "The charge could not be recorded: given back" } })
        }
      })
    } catch (error) {
      // Not given back (or the subscription was taken over): the attempt stays for the next try to record.
      logger.error(`Customer portal: payment ${taken.payment_id} could not be given back; the next attempt records it: ${(error as Error)?.message ?? error}`)
      return
    }
    await service
      .detachChargeAttempt({ invoice_id: taken.invoice_id, subscription_id: hold.subscription_id, fence: hold.fence, cart_id: taken.cart_id })
      .catch((error) => logger.warn(`Customer portal: the refunded attempt of invoice ${taken.invoice_id} stays attached; the next attempt replaces it: ${(error as Error)?.message ?? error}`))
  }
)

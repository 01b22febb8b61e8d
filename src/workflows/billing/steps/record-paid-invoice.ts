import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clock } from "../../../lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../modules/customer-portal/service"
import type { InvoiceDTO } from "../../../modules/customer-portal/service"
import type { Charge } from "../charge-attempt"
import { invoiceSnapshot } from "../subscription-invoice"
import type { SubscriptionHold } from "./lock-subscription"

export const recordPaidInvoiceStepId = "record-paid-invoice"

/**
 * Marks the invoice paid by the charge's order, its lines and totals now the
 * order's (taxes as charged), while the holder's token is current. Undone by
 * reopening it as it was; its attempt stays attached, for the charge step's
 * undo (or the next try) to settle.
 */
export const recordPaidInvoiceStep = createStep(
  recordPaidInvoiceStepId,
  async (input: { hold: SubscriptionHold | null; invoice_id: string | null; charge: Charge }, { container }) => {
    const { hold, invoice_id, charge } = input
    // Only a charge that went through is recorded.
    if (!hold || !invoice_id || !charge.ok) return new StepResponse<InvoiceDTO | null, InvoiceDTO>(null, undefined as unknown as InvoiceDTO)
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const before = await service.recordPaidInvoice({
      invoice_id,
      subscription_id: hold.subscription_id,
      fence: hold.fence,
      paid_at: clock.now(),
      order_id: charge.order_id,
      payment_id: charge.payment_id,
      snapshot: await invoiceSnapshot(container, charge.order_id),
    })
    const paid = await service.retrieveInvoice(invoice_id)
    return new StepResponse<InvoiceDTO | null, InvoiceDTO>(paid, (before.status === "paid" ? undefined : before) as InvoiceDTO)
  },
  async (before: InvoiceDTO | undefined, { container }) => {
    if (before) await container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE).reopenPaidInvoice(before)
  }
)

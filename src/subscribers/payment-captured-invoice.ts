import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../modules/customer-portal"
import type CustomerPortalModuleService from "../modules/customer-portal/service"
import { issueOrderLicenseKeysWorkflow } from "../workflows/issue-order-license-keys"
import { syncOrderInvoiceWorkflow } from "../workflows/sync-order-invoice"

/**
 * A payment was captured: the invoice of its order becomes paid, and — when
 * keys wait for the capture (`licenseKeysOnCapture`) — the order's license
 * keys are issued (a second run issues nothing).
 */
export default async function paymentCapturedInvoiceHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [payment],
  } = await query.graph({ entity: "payment", fields: ["payment_collection.order.id"], filters: { id: event.data.id } })
  const orderId = payment?.payment_collection?.order?.id
  if (!orderId) return
  await syncOrderInvoiceWorkflow(container).run({ input: { order_id: orderId } })
  if (container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE).getOptions().licenseKeysOnCapture) {
    await issueOrderLicenseKeysWorkflow(container).run({ input: { order_id: orderId } })
  }
}

export const config: SubscriberConfig = {
  event: "payment.captured",
  context: { subscriberId: "customer-portal-payment-captured-invoice" },
}

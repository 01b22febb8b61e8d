import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { PortalEmailTemplate } from "../emails/render-portal-email"
import { CUSTOMER_PORTAL_MODULE } from "../modules/customer-portal"
import type CustomerPortalModuleService from "../modules/customer-portal/service"
import { PortalEvents } from "../workflows/events"
import { issuePortalLinkWorkflow } from "../workflows/issue-portal-link"

type SubscriptionEvent = { id: string; customer_id: string; invoice_id?: string; locale?: string | null; notify?: boolean }

/** The emails each subscription event sends its customer, each with a fresh portal link. */
const EMAILS: Record<string, PortalEmailTemplate[]> = {
  [PortalEvents.SUBSCRIPTION_PAYMENT_FAILED]: ["subscription-payment-failed"],
  [PortalEvents.SUBSCRIPTION_REACTIVATED]: ["subscription-payment-succeeded", "subscription-reactivated"],
  [PortalEvents.SUBSCRIPTION_CANCELLED]: ["subscription-cancelled"],
  [PortalEvents.SUBSCRIPTION_CANCELLATION_SCHEDULED]: ["subscription-cancellation-scheduled"],
  [PortalEvents.SUBSCRIPTION_CANCELLATION_UNDONE]: ["subscription-resumed"],
}

/**
 * Tells the customer what happened to their subscription, after the change
 * was committed: an email provider that fails cannot undo or fail the
 * change. Each email is tried on its own; one that fails is logged for the merchant.
 */
export default async function subscriptionEmailsHandler({ event, container }: SubscriberArgs<SubscriptionEvent>) {
  const templates = EMAILS[event.name]
  if (!templates || event.data.notify === false) return
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const [sub] = await service.listSubscriptions({ id: event.data.id }, { take: 1 })
  if (!sub) return
  const [invoice] = event.data.invoice_id ? await service.listInvoices({ id: event.data.invoice_id }, { take: 1 }) : []
  const details = {
    plan_title: sub.plan_title,
    amount: invoice ? Number(invoice.total) : null,
    currency_code: invoice?.currency_code ?? null,
    invoice_number: invoice?.number ?? null,
    next_renewal_at: sub.next_renewal_at ? new Date(sub.next_renewal_at).toISOString() : null,
  }
  for (const template of templates) {
    try {
      await issuePortalLinkWorkflow(container).run({
        input: {
          customer_id: sub.customer_id,
          issued_by_type: "system",
          send_email: true,
          locale: event.data.locale ?? undefined,
          email_template: template,
          email_details: details,
        },
      })
    } catch (error) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .error(`Customer portal: the ${template} email of subscription ${sub.id} could not be sent: ${(error as Error)?.message ?? error}`)
    }
  }
}

export const config: SubscriberConfig = {
  event: Object.keys(EMAILS),
  context: { subscriberId: "customer-portal-subscription-emails" },
}

import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { PortalEmailTemplate } from "../emails/render-portal-email"
import { CUSTOMER_PORTAL_MODULE } from "../modules/customer-portal"
import type CustomerPortalModuleService from "../modules/customer-portal/service"
import { PortalEvents } from "../workflows/events"
import { portalLocale, staticLoginUrl } from "../lib/portal-links"
import { sendPortalEmail } from "../emails/send-portal-email"

type SubscriptionEvent = { id: string; customer_id: string; invoice_id?: string; locale?: string | null; notify?: boolean }

/** The emails each subscription event sends its customer, each with the portal's sign-in page. */
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
  const [customer] = await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: sub.customer_id }, { select: ["id", "email", "first_name", "last_name"], take: 1 })
  if (!customer?.email) return
  const portal = await service.retrieveCustomerPortal(sub.portal_id)
  const locale = portalLocale(event.data.locale, portalLocale(portal.default_locale))
  for (const template of templates) {
    try {
      await sendPortalEmail(container, {
        to: customer.email,
        template,
        locale,
        customer_id: customer.id,
        customer_name: [customer.first_name, customer.last_name].filter(Boolean).join(" ") || null,
        store: { name: portal.name, logo_url: portal.logo_url, accent_color: portal.accent_color, support_email: portal.support_email },
        // The static sign-in page of the subscription's mode: no email about a subscription mints a sign-in link.
        link: staticLoginUrl(service.getOptions(), portal, sub.mode, locale),
        expires_at: null,
        details,
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

import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PortalEvents } from "../workflows/events"
import { sendPortalLoginLinkWorkflow, type SendPortalLoginLinkWorkflowInput } from "../workflows/send-portal-login-link"

/** Emails a sign-in link for a request made on the static login page, if the email is a customer's. */
export default async function portalLoginRequestedHandler({ event, container }: SubscriberArgs<SendPortalLoginLinkWorkflowInput>) {
  try {
    await sendPortalLoginLinkWorkflow(container).run({ input: event.data })
  } catch (error) {
    // The requester was already answered; the merchant learns from the log (without the address).
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Customer portal: a requested sign-in link could not be sent: ${(error as { message?: string })?.message ?? String(error)}`)
  }
}

export const config: SubscriberConfig = {
  event: PortalEvents.LOGIN_REQUESTED,
  context: { subscriberId: "customer-portal-login-requested" },
}

import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PortalEvents } from "../workflows/events"
import { sendPortalLoginLinkWorkflow, type SendPortalLoginLinkWorkflowInput } from "../workflows/send-portal-login-link"
import { recordActivity } from "../lib/activity"

/** Emails a sign-in link for a request made on the static login page, if the email is a customer's. */
export default async function portalLoginRequestedHandler({
  event,
  container,
}: SubscriberArgs<SendPortalLoginLinkWorkflowInput & { ip?: string | null; user_agent?: string | null }>) {
  try {
    const { ip, user_agent, ...input } = event.data
    const { result } = await sendPortalLoginLinkWorkflow(container).run({ input })
    if (result.sent && result.customer_id) {
      // Asked for on the static page: the requester's address, as the request came in.
      await recordActivity(container, {
        customer_id: result.customer_id,
        mode: result.mode,
        action: "link_issued",
        actor_type: "customer",
        actor_id: null,
        ip: ip ?? null,
        user_agent: user_agent ?? null,
        details: { requested_on: "login_page" },
      })
    }
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

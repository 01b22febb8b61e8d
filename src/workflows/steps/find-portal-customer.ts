import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { findCustomersByEmail } from "../../lib/customer-records"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"

export const findPortalCustomerStepId = "find-portal-customer"

/**
 * A customer a sign-in request on the static page can be answered for: the
 * business id must be this store's, and the email one of its customers'
 * (guest or account). Which of the address's records the emailed link signs
 * into is `chooseLinkRecipientStep`'s choice. The request must also name
 * the mode the portal runs in (its form of the static link, A2): a stranger
 * cannot have a link of the other mode sent. Answers null otherwise; nothing
 * is thrown, since the requester must not learn which it was.
 */
export const findPortalCustomerStep = createStep(
  findPortalCustomerStepId,
  async (input: { business_id: string; email: string; mode?: "test" | "live" }, { container }) => {
    const portals: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const [portal] = await portals.listCustomerPortals({ business_id: input.business_id }, { take: 1 })
    if (!portal || (input.mode && input.mode !== portal.mode)) {
      return new StepResponse({ customer_id: null as string | null, mode: null as "test" | "live" | null })
    }
    const [customer] = await findCustomersByEmail(container.resolve(Modules.CUSTOMER), input.email)
    return new StepResponse({ customer_id: customer?.id ?? null, mode: portal.mode as "test" | "live" | null })
  }
)

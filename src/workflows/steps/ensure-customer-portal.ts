import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"

export const ensureCustomerPortalStepId = "ensure-customer-portal"

/**
 * Returns the store's portal, creating it on first use. Nothing to undo: a
 * portal created here is the one every later call returns.
 */
export const ensureCustomerPortalStep = createStep(
  ensureCustomerPortalStepId,
  async (input: { name: string }, { container }) => {
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    return new StepResponse(await service.ensurePortal({ name: input.name }))
  }
)

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"

export type UpdateCustomerPortalStepInput = { id: string; update: Record<string, unknown> }

export const updateCustomerPortalStepId = "update-customer-portal"

/** Updates the portal settings; on rollback puts back the fields it changed. */
export const updateCustomerPortalStep = createStep(
  updateCustomerPortalStepId,
  async (input: UpdateCustomerPortalStepInput, { container }) => {
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const before = await service.retrieveCustomerPortal(input.id)
    const previous = Object.fromEntries(Object.keys(input.update).map((key) => [key, (before as any)[key]]))
    const updated = await service.updateCustomerPortals({ id: input.id, ...input.update } as any)
    return new StepResponse(updated, { id: input.id, previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    await service.updateCustomerPortals({ id: undo.id, ...undo.previous } as any)
  }
)

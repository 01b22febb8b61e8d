import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { clock } from "../lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../modules/customer-portal"
import type CustomerPortalModuleService from "../modules/customer-portal/service"
import { checkPortalPermissionStep } from "./steps/check-portal-permission"
import type { PortalActor } from "./steps/record-portal-activity"

export type DeactivateLicenseActivationInput = { portal_id: string; license_key_id: string; activation_id: string; actor: PortalActor }

export const endLicenseActivationStepId = "end-license-activation"

/** Ends one activation of a key (a 404 when it has none by that id). The last write of its workflow: nothing after it can fail, so nothing to undo. */
const endLicenseActivationStep = createStep(endLicenseActivationStepId, async (input: { license_key_id: string; activation_id: string }, { container }) => {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  const ended = await service.deactivateLicense({ ...input, now: clock.now() })
  if (!ended) throw new MedusaError(MedusaError.Types.NOT_FOUND, "There is no such activation of this license key.")
  return new StepResponse({ id: input.activation_id })
})

export const deactivateLicenseActivationWorkflowId = "deactivate-license-activation"

/** P5: the customer frees one activation of their key (a device they no longer use), when the portal's settings allow it. */
export const deactivateLicenseActivationWorkflow = createWorkflow(deactivateLicenseActivationWorkflowId, (input: DeactivateLicenseActivationInput) => {
  checkPortalPermissionStep(transform({ input }, ({ input }) => ({ permission: "license_deactivation" as const, by: input.actor.type, portal_id: input.portal_id })))
  const ended = endLicenseActivationStep(transform({ input }, ({ input }) => ({ license_key_id: input.license_key_id, activation_id: input.activation_id })))
  return new WorkflowResponse(ended)
})

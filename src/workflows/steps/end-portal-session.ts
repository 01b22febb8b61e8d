import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clock } from "../../lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"

export const endPortalSessionStepId = "end-portal-session"

/** Revokes one session server-side, so its token is refused from now on. */
export const endPortalSessionStep = createStep(endPortalSessionStepId, async (input: { session_id: string }, { container }) => {
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  await service.updatePortalSessions({ id: input.session_id, revoked_at: clock.now() })
  return new StepResponse({ session_id: input.session_id })
})

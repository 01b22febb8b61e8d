import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clock } from "../../lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"

export type RevokePortalAccessStepInput = {
  customer_ids: string[]
  /** Only links issued this way; all magic links when left out. */
  links_issued_by?: ("admin_user" | "api_key" | "customer_request" | "system")[]
  except_link_id?: string
  sessions?: boolean
  /** A session that stays live (the one that made an email change). */
  except_session_id?: string | null
}

export const revokePortalAccessStepId = "revoke-portal-access"

/**
 * Revokes unused magic links and, unless `sessions` is false, live sessions.
 * Revocation is the safe direction, so it is not undone when a later step fails.
 */
export const revokePortalAccessStep = createStep(
  revokePortalAccessStepId,
  async (input: RevokePortalAccessStepInput, { container }) => {
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    return new StepResponse(await service.revokeAccess({ ...input, now: clock.now() }))
  }
)

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clock } from "../../lib/clock"
import { normalizeEmail } from "../../lib/customer-records"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type { EmailProofMethod } from "../../modules/customer-portal/models/email-proof"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"

/**
 * Records that an address was proven for a customer record, and how. A
 * record of what happened: it is kept even when a later step fails.
 */
export const recordEmailProofStep = createStep(
  "record-email-proof",
  async (input: { email: string; customer_id: string; method: EmailProofMethod; link_id?: string | null }, { container }) => {
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    await service.recordEmailProof({ ...input, email: normalizeEmail(input.email), now: clock.now() })
    return new StepResponse(null)
  }
)

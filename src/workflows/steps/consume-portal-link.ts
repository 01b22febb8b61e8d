import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clock } from "../../lib/clock"
import { isTokenHash } from "../../lib/tokens"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import type { PortalLinkDTO, UsableLink } from "../../modules/customer-portal/service"

/** `token_hash`: the SHA-256 of the link's token (its caller hashed it, so the raw token is in no checkpoint). */
export type ConsumePortalLinkStepInput = { token_hash: string; purposes: PortalLinkDTO["purpose"][]; unusable_message: string }

/**
 * Uses a one-time link of one of `purposes` (one atomic statement, so of
 * concurrent uses one wins); NOT_FOUND with `unusable_message` when it is
 * unknown, used, revoked, expired or for something else. If a later step
 * fails, the link is given back so the customer can try it again.
 */
export const consumePortalLinkStep = createStep(
  "consume-portal-link",
  async (input: ConsumePortalLinkStepInput, { container }) => {
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const link = isTokenHash(input.token_hash) ? await service.consumeLink({ token_hash: input.token_hash, purposes: input.purposes, now: clock.now() }) : null
    if (!link) throw new MedusaError(MedusaError.Types.NOT_FOUND, input.unusable_message)
    return new StepResponse(link as UsableLink, link.id)
  },
  async (linkId, { container }) => {
    if (!linkId) return
    await container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE).releaseLink(linkId)
  }
)

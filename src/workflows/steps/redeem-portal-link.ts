import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { clock } from "../../lib/clock"
import { isTokenHash } from "../../lib/tokens"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"

/**
 * Hashes only (`hashToken`): the caller made the new session's token and keeps it, and hashed
 * the link's, so neither is in a workflow checkpoint.
 */
export type RedeemPortalLinkStepInput = {
  /** The SHA-256 of the link's token. */
  token_hash: string
  /** The SHA-256 of the token the new session is to have. */
  session_token_hash: string
  ip?: string | null
  user_agent?: string | null
  /** The SHA-256 of the session token this browser had until now, which the new one replaces. */
  replacing_token_hash?: string | null
}

export const redeemPortalLinkStepId = "redeem-portal-link"

/** One message for unknown, used, revoked and expired links: which one it was is nobody's business. */
export const LINK_UNUSABLE_MESSAGE = "This link has expired or was already used."

/**
 * Consumes a one-time link and opens a session under the given token hash
 * (one atomic statement claims the link). The browser's previous session
 * ends; when it was the one that asked for this link, its record's address
 * is now confirmed, and the other sessions of the record see what that joins
 * on their next request.
 */
export const redeemPortalLinkStep = createStep(
  redeemPortalLinkStepId,
  async (input: RedeemPortalLinkStepInput, { container }) => {
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    if (!isTokenHash(input.session_token_hash)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "A session needs the SHA-256 of its token.")
    }
    const identity = isTokenHash(input.token_hash)
      ? await service.redeemLink({
          token_hash: input.token_hash,
          session_token_hash: input.session_token_hash,
          now: clock.now(),
          ip: input.ip,
          user_agent: input.user_agent,
          replacing_token_hash: isTokenHash(input.replacing_token_hash) ? input.replacing_token_hash : null,
        })
      : null
    if (!identity) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, LINK_UNUSABLE_MESSAGE)
    }
    if (identity.confirmed_session) {
      await service.forgetSessionCustomers([identity.customer_id])
    }
    return new StepResponse(identity, identity.session_id)
  },
  async (sessionId, { container }) => {
    if (!sessionId) return
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    await service.updatePortalSessions({ id: sessionId, revoked_at: clock.now() })
  }
)

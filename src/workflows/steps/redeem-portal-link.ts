import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { clock } from "../../lib/clock"
import { generateToken, hashToken, isWellFormedToken } from "../../lib/tokens"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"

export type RedeemPortalLinkStepInput = {
  token: string
  ip?: string | null
  user_agent?: string | null
  /** The session this browser had until now (its token), which the new one replaces. */
  replacing_session_token?: string | null
}

export const redeemPortalLinkStepId = "redeem-portal-link"

/** One message for unknown, used, revoked and expired links: which one it was is nobody's business. */
export const LINK_UNUSABLE_MESSAGE = "This link has expired or was already used."

/**
 * Consumes a one-time link and opens a session (one atomic statement claims
 * the link). Returns the session's raw token, which exists nowhere else. The
 * browser's previous session ends; when it was the one that asked for this
 * link, its record's address is now confirmed, and the other sessions of the
 * record see what that joins on their next request.
 */
export const redeemPortalLinkStep = createStep(
  redeemPortalLinkStepId,
  async (input: RedeemPortalLinkStepInput, { container }) => {
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const sessionToken = generateToken()
    const identity = await service.redeemLink({
      token_hash: hashToken(input.token),
      session_token_hash: hashToken(sessionToken),
      now: clock.now(),
      ip: input.ip,
      user_agent: input.user_agent,
      replacing_token_hash: isWellFormedToken(input.replacing_session_token) ? hashToken(input.replacing_session_token) : null,
    })
    if (!identity) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, LINK_UNUSABLE_MESSAGE)
    }
    if (identity.confirmed_session) {
      await service.forgetSessionCustomers([identity.customer_id])
    }
    return new StepResponse({ session_token: sessionToken, ...identity }, identity.session_id)
  },
  async (sessionId, { container }) => {
    if (!sessionId) return
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    await service.updatePortalSessions({ id: sessionId, revoked_at: clock.now() })
  }
)

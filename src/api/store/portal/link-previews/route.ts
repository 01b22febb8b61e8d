import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { clock } from "../../../../lib/clock"
import { maskEmail } from "../../../../lib/identity"
import { hashToken } from "../../../../lib/tokens"
import { CUSTOMER_PORTAL_MODULE } from "../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../modules/customer-portal/service"
import { LINK_UNUSABLE_MESSAGE } from "../../../../workflows/steps/redeem-portal-link"
import { bearerToken, portalContextOf } from "../../../utils/portal-auth"
import type { StorePortalPreviewLinkType } from "../validators"

/**
 * What a one-time link will do, without using it, for the page it opens:
 * which account it signs into (its address, masked) or which change it makes.
 * With the bearer token of the session this browser already has, it also
 * says whether that session is someone else's, so the page can say so before
 * "Continue" (login CSRF). Unknown, used, revoked and expired links are one 404.
 */
export const POST = async (req: MedusaRequest<StorePortalPreviewLinkType>, res: MedusaResponse) => {
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const now = clock.now()
  const link = await service.findUsableLink(hashToken(req.validatedBody.token), now)
  if (!link) throw new MedusaError(MedusaError.Types.NOT_FOUND, LINK_UNUSABLE_MESSAGE)
  const customers = req.scope.resolve(Modules.CUSTOMER)
  const [customer] = await customers.listCustomers({ id: link.customer_id }, { select: ["id", "email"], take: 1 })
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, LINK_UNUSABLE_MESSAGE)

  const current = bearerToken(req)
  const session = current ? await portalContextOf(req.scope, current) : null
  let signedIn: { email: string | null; same_customer: boolean } | null = null
  if (session) {
    const [own] = await customers.listCustomers({ id: session.customer_id }, { select: ["email"], take: 1 })
    signedIn = { email: maskEmail(own?.email), same_customer: session.customer_ids.includes(link.customer_id) || session.session_id === link.requested_by_session_id }
  }
  res.setHeader("Cache-Control", "no-store")
  res.json({
    link: {
      purpose: link.purpose,
      /** The address of the account it is for, as it is now. */
      email: maskEmail(customer.email),
      /** For an email change, the address it moves to (for an undo, the one it puts back). */
      new_email: maskEmail(link.new_email),
      expires_at: link.expires_at,
    },
    signed_in: signedIn,
  })
}

import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { pendingEmailChange } from "../../../../lib/email-change"
import { normalisePhone, PHONE_INVALID } from "../../../../lib/phone"
import type { PortalRequest } from "../../../utils/portal-auth"
import type { StorePortalUpdateProfileType } from "../validators"
import { customerActor } from "../../../utils/activity"
import { updatePortalProfileWorkflow } from "../../../../workflows/update-portal-profile"

async function profileOf(req: PortalRequest) {
  const [[customer], pending_email_change] = await Promise.all([
    req.scope
      .resolve(Modules.CUSTOMER)
      .listCustomers({ id: req.portal.customer_id }, { select: ["first_name", "last_name", "email", "phone", "company_name"], take: 1 }),
    pendingEmailChange(req.scope, req.portal.customer_id),
  ])
  const portal = req.portal.settings
  return {
    customer: {
      first_name: customer?.first_name ?? null,
      last_name: customer?.last_name ?? null,
      email: customer?.email ?? null,
      phone: customer?.phone ?? null,
      company_name: customer?.company_name ?? null,
    },
    session: { mode: req.portal.mode, expires_at: req.portal.expires_at },
    /**
     * Whether this session has shown it holds the address (a link emailed
     * there, now or, for this record, once before). When not, purchases made
     * with the address under other customer records are not shown; whether
     * there are any is not said (POST /store/portal/me/email-confirmation).
     */
    identity: { email_confirmed: req.portal.email_confirmed },
    profile: { can_edit: portal.allow_profile_edit, pending_email_change },
  }
}

/** The signed-in customer as the portal shows them, whether they may edit it, and when the session ends. */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  res.json(await profileOf(req))
}

/**
 * P4: the customer changes their name or phone number (stored as E.164),
 * through Medusa's own customer workflow. Nothing else can change here:
 * other fields are refused with a 400; the email changes by verification.
 */
export const POST = async (req: PortalRequest<StorePortalUpdateProfileType>, res: MedusaResponse) => {
  const { first_name, last_name, phone } = req.validatedBody
  const update: Record<string, string | null> = {}
  if (first_name !== undefined) update.first_name = first_name || null
  if (last_name !== undefined) update.last_name = last_name || null
  if (phone !== undefined) {
    if (!phone) update.phone = null
    else {
      const normalised = normalisePhone(phone)
      if (!normalised) throw new MedusaError(MedusaError.Types.INVALID_DATA, PHONE_INVALID)
      update.phone = normalised
    }
  }
  // The portal's settings are applied in the workflow; a refusal carries its `code`.
  await updatePortalProfileWorkflow(req.scope).run({
    input: { portal_id: req.portal.portal_id, customer_id: req.portal.customer_id, mode: req.portal.mode, update, actor: customerActor(req) },
  })
  res.json(await profileOf(req))
}

import type { MedusaResponse } from "@medusajs/framework/http"
import { endPortalSessionWorkflow } from "../../../../../workflows/end-portal-session"
import type { PortalRequest } from "../../../../utils/portal-auth"
import { recordCustomerActivity } from "../../../../utils/activity"

/** Sign out: the session is revoked on the server. */
export const DELETE = async (req: PortalRequest, res: MedusaResponse) => {
  await endPortalSessionWorkflow(req.scope).run({
    input: { session_id: req.portal.session_id, customer_id: req.portal.customer_id },
  })
  await recordCustomerActivity(req, "signed_out")
  res.json({ object: "portal_session", deleted: true })
}

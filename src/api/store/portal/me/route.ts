import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { PortalRequest } from "../../../utils/portal-auth"

/** The signed-in customer as the portal shows them, and when the session ends. */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: ["first_name", "last_name", "email", "phone", "company_name"],
    filters: { id: req.portal.customer_id },
  })
  res.json({
    customer: {
      first_name: customer?.first_name ?? null,
      last_name: customer?.last_name ?? null,
      email: customer?.email ?? null,
      phone: customer?.phone ?? null,
      company_name: customer?.company_name ?? null,
    },
    session: { mode: req.portal.mode, expires_at: req.portal.expires_at },
  })
}

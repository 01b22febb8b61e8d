import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../modules/customer-portal/service"

/** Public branding and mode of a business, for the portal's login page. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const businessId = req.params.business_id
  const [portal] = /^bus_[A-Za-z0-9]{1,64}$/.test(businessId)
    ? await service.listCustomerPortals({ business_id: businessId }, { take: 1 })
    : []
  if (!portal) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "No customer portal exists at this address.")
  }
  res.set("Cache-Control", "public, max-age=60")
  res.json({
    business: {
      business_id: portal.business_id,
      name: portal.name,
      logo_url: portal.logo_url,
      accent_color: portal.accent_color,
      mode: portal.mode,
      support_email: portal.support_email,
      return_url: portal.return_url,
      default_locale: portal.default_locale,
    },
  })
}

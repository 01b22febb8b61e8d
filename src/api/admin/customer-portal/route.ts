import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { staticLoginUrl } from "../../../lib/portal-links"
import { CUSTOMER_PORTAL_MODULE } from "../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../modules/customer-portal/service"
import { ensureCustomerPortalWorkflow } from "../../../workflows/ensure-customer-portal"

/** The portal's settings and its static login links in test and live mode (A1, A2). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result: portal } = await ensureCustomerPortalWorkflow(req.scope).run()
  const options = req.scope.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE).getOptions()
  res.json({
    customer_portal: portal,
    static_links: {
      test: staticLoginUrl(options, portal, "test"),
      live: staticLoginUrl(options, portal, "live"),
    },
  })
}

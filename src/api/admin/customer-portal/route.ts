import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { staticLoginUrl } from "../../../lib/portal-links"
import { CUSTOMER_PORTAL_MODULE } from "../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../modules/customer-portal/service"
import type { CustomerPortalDTO } from "../../../modules/customer-portal/service"
import { ensureCustomerPortalWorkflow } from "../../../workflows/ensure-customer-portal"
import { updateCustomerPortalWorkflow } from "../../../workflows/update-customer-portal"
import type { AdminUpdateCustomerPortalType } from "../validators"

function respond(scope: MedusaContainer, portal: CustomerPortalDTO) {
  const options = scope.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE).getOptions()
  const { invoice_sequence: _counter, ...settings } = portal
  return {
    customer_portal: settings,
    static_links: {
      test: staticLoginUrl(options, portal, "test"),
      live: staticLoginUrl(options, portal, "live"),
    },
  }
}

/** The portal's settings and its static login links in test and live mode (A1, A2). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await ensureCustomerPortalWorkflow(req.scope).run()
  res.json(respond(req.scope, result))
}

/** Updates the settings; answers them as GET does. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateCustomerPortalType>, res: MedusaResponse) => {
  const { result } = await updateCustomerPortalWorkflow(req.scope).run({ input: { update: req.validatedBody } })
  res.json(respond(req.scope, result))
}

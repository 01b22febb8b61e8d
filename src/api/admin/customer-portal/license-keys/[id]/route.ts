import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../modules/customer-portal/service"
import { adminLicenseKey, presentAdminLicenseKey } from "../../../../utils/admin-license"

/** One license key with every activation, past ones included. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const key = await adminLicenseKey(req.scope, req.params.id)
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const activations = await service.listLicenseActivations({ license_key: { id: key.id } } as any, { order: { created_at: "DESC" }, take: 1000 })
  const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: key.customer_id }, { select: ["email"], take: 1 })
  res.json({
    license_key: {
      ...presentAdminLicenseKey(key, activations.filter((a) => !a.deactivated_at).length, customer?.email ?? null),
      activations: activations.map((a) => ({
        id: a.id,
        name: a.instance_name,
        activated_at: a.created_at,
        last_validated_at: a.last_validated_at,
        deactivated_at: a.deactivated_at,
      })),
    },
  })
}

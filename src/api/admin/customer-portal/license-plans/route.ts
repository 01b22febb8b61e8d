import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_PORTAL_MODULE } from "../../../../modules/customer-portal"
import { ensureProductVariant } from "../../../utils/product-variant"
import type CustomerPortalModuleService from "../../../../modules/customer-portal/service"
import type { AdminListPlansType, AdminUpsertLicensePlanType } from "../../validators"

/** License plans: which variants come with license keys, and on what terms. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { product_variant_id, limit, offset } = req.validatedQuery as AdminListPlansType
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [plans, count] = await service.listAndCountLicensePlans(product_variant_id ? { product_variant_id } : {}, {
    skip: offset,
    take: limit,
    order: { created_at: "DESC" },
  })
  res.json({ license_plans: plans, count, limit, offset })
}

/** Marks a variant as license-keyed, or changes its terms. Keys already issued keep theirs. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpsertLicensePlanType>, res: MedusaResponse) => {
  const { product_variant_id, activation_limit, validity_days, key_prefix } = req.validatedBody
  await ensureProductVariant(req.scope, product_variant_id)
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [existing] = await service.listLicensePlans({ product_variant_id }, { take: 1 })
  const terms = { activation_limit, validity_days, key_prefix }
  const plan = existing
    ? await service.updateLicensePlans({ id: existing.id, ...terms })
    : await service.createLicensePlans({ product_variant_id, ...terms })
  res.status(existing ? 200 : 201).json({ license_plan: plan })
}

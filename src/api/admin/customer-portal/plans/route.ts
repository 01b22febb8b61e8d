import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_PORTAL_MODULE } from "../../../../modules/customer-portal"
import { ensureProductVariant } from "../../../utils/product-variant"
import type CustomerPortalModuleService from "../../../../modules/customer-portal/service"
import type { AdminListPlansType, AdminUpsertPlanType } from "../../validators"

/** Subscription plans: which variants are sold as subscriptions, and how often they renew. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { product_variant_id, limit, offset } = req.validatedQuery as AdminListPlansType
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [plans, count] = await service.listAndCountSubscriptionPlans(product_variant_id ? { product_variant_id } : {}, {
    skip: offset,
    take: limit,
    order: { created_at: "DESC" },
  })
  res.json({ plans, count, limit, offset })
}

/** Marks a variant as a plan, or changes its interval. Subscriptions already running keep theirs. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpsertPlanType>, res: MedusaResponse) => {
  const { product_variant_id, interval, interval_count } = req.validatedBody
  await ensureProductVariant(req.scope, product_variant_id)
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [existing] = await service.listSubscriptionPlans({ product_variant_id }, { take: 1 })
  const plan = existing
    ? await service.updateSubscriptionPlans({ id: existing.id, interval, interval_count })
    : await service.createSubscriptionPlans({ product_variant_id, interval, interval_count })
  res.status(existing ? 200 : 201).json({ plan })
}

import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../../modules/customer-portal/service"
import { explainChargeFailure } from "../../../../../../workflows/billing/charge-failure"
import { retryOnHoldChargeWorkflow } from "../../../../../../workflows/retry-on-hold-charge"
import { adminActor } from "../../../../../utils/activity"

/**
 * Retries the failed charge of an on-hold subscription with its current
 * payment method: 200 with the subscription active again, or a 400 with the
 * card's reason when it fails again.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [sub] = await service.listSubscriptions({ id: req.params.id }, { take: 1 })
  if (!sub) throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no subscription with the id ${req.params.id}.`)
  if (sub.status !== "on_hold") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Only an on-hold subscription has a failed charge to retry.", "not_on_hold")
  }
  const { result, errors } = await retryOnHoldChargeWorkflow(req.scope).run({ input: { subscription_id: sub.id, actor: adminActor(req) }, throwOnError: false })
  if (errors.length) throw await explainChargeFailure(req.scope, sub.id, errors[0].error)
  if (result.outcome === "failed") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The charge failed again: ${result.reason}`, "payment_failed")
  }
  const updated = await service.retrieveSubscription(sub.id)
  res.json({ subscription: { ...updated, amount: Number(updated.amount) }, invoice_id: "invoice_id" in result ? result.invoice_id : null })
}

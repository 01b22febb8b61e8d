import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../../modules/customer-portal/service"
import { changeSubscriptionPaymentMethodWorkflow } from "../../../../../../workflows/change-payment-method"
import { answerIdempotently, type IdempotentAnswer } from "../../../../../utils/idempotency"
import type { PortalRequest } from "../../../../../utils/portal-auth"
import { requestLanguage } from "../../../../../utils/portal-invoice"
import { ownedPaymentMethods, providersFor } from "../../../../../utils/portal-payment-methods"
import { outstandingBySubscription, ownSubscription, presentSubscription } from "../../../../../utils/portal-subscription"
import type { StorePortalChangePaymentMethodType } from "../../../validators"
import { customerActor } from "../../../../../utils/activity"
import { explainChargeFailure } from "../../../../../../workflows/billing/charge-failure"

export const PAYMENT_METHOD_NOT_FOUND = "There is no such payment method in your account."
export const PAYMENT_METHOD_CANNOT_PAY = "This payment method cannot pay this subscription. Choose another one, or add a new card."

/**
 * M3–M6: "Confirm changes" with a saved method (add a new one first with
 * POST /store/portal/payment-methods). An active subscription switches the
 * method its renewals use (200 `updated`). An on-hold one pays its dues with
 * it: 200 `reactivated` with the paid invoice; 200 `requires_action` when the
 * bank asks the customer to confirm (send the request again with
 * `confirmation: "completed"` once they have); 402 `payment_failed` with the
 * provider's sentence when it is declined — still on hold, try another
 * method. With an `Idempotency-Key` header the same key always gets the first
 * answer, and never a second charge. The method may be saved with any record
 * the session sees; the payment is made through that record's account holder.
 */
export const POST = async (req: PortalRequest<StorePortalChangePaymentMethodType>, res: MedusaResponse) => {
  const sub = await ownSubscription(req.scope, req.portal, req.params.id)
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const portal = req.portal.settings
  await answerIdempotently(req, res, `customer:${req.portal.customer_id}`, async (): Promise<IdempotentAnswer> => {
    const { payment_method_id, confirmation } = req.validatedBody
    const method = (await ownedPaymentMethods(req.scope, req.portal)).find((m) => m.id === payment_method_id)
    if (!method) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, PAYMENT_METHOD_NOT_FOUND)
    }
    const providers = await providersFor(req.scope, sub)
    if (providers && !providers.includes(method.provider_id)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, PAYMENT_METHOD_CANNOT_PAY)
    }
    const { result, errors } = await changeSubscriptionPaymentMethodWorkflow(req.scope).run({
      input: { subscription_id: sub.id, payment_method: method, confirmation, actor: customerActor(req), locale: requestLanguage(req) },
      throwOnError: false,
    })
    // Told from what the database shows once the workflow undid what it could: charged or not, never the error's own text.
    if (errors.length) throw await explainChargeFailure(req.scope, sub.id, errors[0].error)
    const current = await service.retrieveSubscription(sub.id)
    const outstanding = await outstandingBySubscription(service, [current])
    const subscription = presentSubscription(current, { portal, outstanding: outstanding.get(current.id) })
    switch (result.outcome) {
      case "updated":
        return { status: 200, body: { outcome: "updated", subscription } }
      case "reactivated":
        return {
          status: 200,
          body: {
            outcome: "reactivated",
            subscription,
            invoice: {
              id: result.invoice.id,
              number: result.invoice.number,
              total: Number(result.invoice.total),
              currency_code: result.invoice.currency_code,
              paid_at: result.invoice.paid_at,
              status: "paid",
            },
          },
        }
      case "requires_action":
        return {
          status: 200,
          body: {
            outcome: "requires_action",
            next_action: { type: "confirm_card" },
            amount: outstanding.get(current.id) ? Number(outstanding.get(current.id)!.total) : null,
            currency_code: current.currency_code,
            subscription,
          },
        }
      case "payment_failed":
        return {
          status: 402,
          body: { type: "payment_failed", code: result.code, message: result.reason, subscription },
        }
    }
  })
}

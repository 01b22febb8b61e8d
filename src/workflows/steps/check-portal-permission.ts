import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { permissionRefusal, testSessionLiveCustomerRefusal, type PortalPermission } from "../../lib/portal-policy"
import { hasLiveRecords, type PortalMode } from "../../lib/record-mode"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"

export const checkPortalPermissionStepId = "check-portal-permission"

/**
 * The portal settings' say on a change by `by`: a customer is refused what
 * the store switched off (a `PortalRefusal` with its `code`); the merchant
 * and the store itself are not bound by these settings. The portal is the
 * one given, or the subscription's. Nothing to undo.
 */
export const checkPortalPermissionStep = createStep(
  checkPortalPermissionStepId,
  async (
    input: {
      permission: PortalPermission
      by: "customer" | "admin" | "system"
      portal_id?: string
      subscription_id?: string
      /** For `profile_edit`: whose details change, and the mode of the session asking. */
      customer_id?: string
      mode?: PortalMode
    },
    { container }
  ) => {
    if (input.by !== "customer") return new StepResponse({ allowed: true })
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const portalId = input.portal_id ?? (await service.retrieveSubscription(input.subscription_id!, { select: ["portal_id"] })).portal_id
    const refusal = permissionRefusal(await service.retrieveCustomerPortal(portalId), input.permission, input.by)
    if (refusal) throw refusal
    if (input.permission === "profile_edit" && input.mode === "test" && input.customer_id && (await hasLiveRecords(container, input.customer_id))) {
      throw testSessionLiveCustomerRefusal()
    }
    return new StepResponse({ allowed: true })
  }
)

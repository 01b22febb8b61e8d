import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clock } from "../../lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"
import type { LicenseKeyRow } from "../../modules/customer-portal/service"

export const revokeOrderLicenseKeysStepId = "revoke-order-license-keys"

/** Revokes the keys an order issued, with the reason; undone by putting each back as it was. */
export const revokeOrderLicenseKeysStep = createStep(
  revokeOrderLicenseKeysStepId,
  async (input: { order_id: string; reason: "order_canceled" | "order_refunded" }, { container }) => {
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const before = await service.revokeOrderLicenseKeys({ ...input, now: clock.now() })
    const revoked = before.map((key) => ({ id: key.id, customer_id: key.customer_id, portal_id: key.portal_id, mode: key.mode, product_title: key.product_title }))
    return new StepResponse(revoked, before)
  },
  async (before: LicenseKeyRow[] | undefined, { container }) => {
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    for (const key of before ?? []) await service.restoreLicenseKeyState(key)
  }
)

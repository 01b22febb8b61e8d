import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clock } from "../../lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import type CustomerPortalModuleService from "../../modules/customer-portal/service"

/** Revokes a license key or enables it again (`setLicenseKeyRevoked`); undone by putting its state back. */
export const setLicenseKeyRevokedStep = createStep(
  "set-license-key-revoked",
  async (input: { id: string; revoked: boolean }, { container }) => {
    const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
    const before = await service.setLicenseKeyRevoked({ ...input, now: clock.now() })
    return new StepResponse({ id: input.id, customer_id: before.customer_id, portal_id: before.portal_id, mode: before.mode, product_title: before.product_title }, before)
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE).restoreLicenseKeyState(before)
  }
)

import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../modules/customer-portal"
import type { PortalActivityAction } from "../modules/customer-portal/models/portal-activity"
import type CustomerPortalModuleService from "../modules/customer-portal/service"

export type ActivityEntry = {
  customer_id: string
  /** The mode of what it is about; null (or left out) for the person's own details, seen in both modes. */
  mode?: "test" | "live" | null
  action: PortalActivityAction
  actor_type: "customer" | "admin" | "system"
  actor_id?: string | null
  portal_id?: string | null
  ip?: string | null
  user_agent?: string | null
  details?: Record<string, unknown> | null
}

/**
 * Adds a row to the audit trail. It is written after the action succeeded;
 * if writing it fails, the action stands and the merchant finds the reason in
 * the log (the customer is not told their change failed when it did not).
 */
export async function recordActivity(scope: MedusaContainer, entry: ActivityEntry): Promise<void> {
  try {
    const service: CustomerPortalModuleService = scope.resolve(CUSTOMER_PORTAL_MODULE)
    await service.createPortalActivities({ ...entry, mode: entry.mode ?? null, actor_id: entry.actor_id ?? null, details: entry.details ?? null } as any)
  } catch (error) {
    scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Customer portal: an activity (${entry.action}) could not be recorded: ${(error as { message?: string })?.message ?? String(error)}`)
  }
}

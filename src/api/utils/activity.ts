import type { MedusaRequest } from "@medusajs/framework/http"
import { recordActivity } from "../../lib/activity"
import type { PortalActivityAction } from "../../modules/customer-portal/models/portal-activity"
import type { PortalActivityDTO } from "../../modules/customer-portal/service"
import type { PortalRequest } from "./portal-auth"
import { clientIp } from "./rate-limit"
import type { PortalActor } from "../../workflows/steps/record-portal-activity"

export { recordActivity }

/** Where a request came from, as the audit trail keeps it (a browser string is cut at 300 characters). */
export const requestOrigin = (req: MedusaRequest) => ({ ip: clientIp(req), user_agent: req.get("user-agent")?.slice(0, 300) ?? null })

/** The signed-in customer, as the actor a workflow records. */
export const customerActor = (req: PortalRequest): PortalActor => ({ type: "customer", id: req.portal.customer_id, ...requestOrigin(req) })

/** The admin user (or secret API key) making a request, as the actor a workflow records. */
export const adminActor = (req: MedusaRequest & { auth_context?: { actor_id?: string; actor_type?: string } }): PortalActor => ({
  type: "admin",
  id: req.auth_context?.actor_id ?? null,
  ...requestOrigin(req),
  ...(req.auth_context?.actor_type === "api-key" ? { via: "api_key" as const } : {}),
})

/** An action the signed-in customer took in the portal. */
export const recordCustomerActivity = (req: PortalRequest, action: PortalActivityAction, details?: Record<string, unknown>) =>
  recordActivity(req.scope, {
    customer_id: req.portal.customer_id,
    portal_id: req.portal.portal_id,
    mode: req.portal.mode,
    action,
    actor_type: "customer",
    actor_id: req.portal.customer_id,
    ...requestOrigin(req),
    details,
  })

/** An action an admin user (or a secret API key) took on a customer. */
export const recordAdminActivity = (
  req: MedusaRequest & { auth_context?: { actor_id?: string; actor_type?: string } },
  customerId: string,
  action: PortalActivityAction,
  details?: Record<string, unknown>
) =>
  recordActivity(req.scope, {
    customer_id: customerId,
    action,
    actor_type: "admin",
    actor_id: req.auth_context?.actor_id ?? null,
    ...requestOrigin(req),
    details: { ...(details ?? {}), ...(req.auth_context?.actor_type === "api-key" ? { by: "api_key" } : {}) },
  })

/** An activity as its reader sees it: no internal ids beyond the row's own. */
export function presentActivity(row: PortalActivityDTO, viewer: "customer" | "admin") {
  return {
    id: row.id,
    action: row.action,
    at: row.created_at,
    by: row.actor_type === "customer" ? "customer" : row.actor_type === "admin" ? "store" : "system",
    ...(viewer === "admin" && row.actor_type === "admin" ? { admin_user_id: row.actor_id } : {}),
    ip: row.ip,
    device: row.user_agent,
    details: row.details ?? {},
  }
}

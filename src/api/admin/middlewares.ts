import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreatePortalSession, AdminUpdateCustomerPortal } from "./validators"

export const adminPortalMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/portal-sessions",
    middlewares: [validateAndTransformBody(AdminCreatePortalSession)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-portal",
    middlewares: [validateAndTransformBody(AdminUpdateCustomerPortal)],
  },
]

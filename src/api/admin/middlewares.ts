import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../utils/validate-body"
import { validateQuery } from "../utils/validate-query"
import {
  AdminCancelSubscription,
  AdminCreatePortalSession,
  AdminInvoicePdf,
  AdminListPortalActivity,
  AdminImportLicenseKeys,
  AdminListInvoices,
  AdminListLicenseKeys,
  AdminListPlans,
  AdminListSubscriptions,
  AdminUpdateCustomerPortal,
  AdminUpsertLicensePlan,
  AdminUpsertPlan,
} from "./validators"

export const adminPortalMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/portal-sessions",
    middlewares: [validateBody(AdminCreatePortalSession)],
  },
  { method: ["GET"], matcher: "/admin/customers/:id/portal-activity", middlewares: [validateQuery(AdminListPortalActivity)] },
  {
    method: ["POST"],
    matcher: "/admin/customer-portal",
    middlewares: [validateBody(AdminUpdateCustomerPortal)],
  },
  { method: ["GET"], matcher: "/admin/customer-portal/invoices", middlewares: [validateQuery(AdminListInvoices)] },
  { method: ["GET"], matcher: "/admin/customer-portal/invoices/:id/pdf", middlewares: [validateQuery(AdminInvoicePdf)] },
  { method: ["GET"], matcher: "/admin/customer-portal/subscriptions", middlewares: [validateQuery(AdminListSubscriptions)] },
  { method: ["POST"], matcher: "/admin/customer-portal/subscriptions/:id/cancel", middlewares: [validateBody(AdminCancelSubscription)] },
  { method: ["GET"], matcher: "/admin/customer-portal/plans", middlewares: [validateQuery(AdminListPlans)] },
  { method: ["POST"], matcher: "/admin/customer-portal/plans", middlewares: [validateBody(AdminUpsertPlan)] },
  { method: ["GET"], matcher: "/admin/customer-portal/license-keys", middlewares: [validateQuery(AdminListLicenseKeys)] },
  {
    method: ["POST"],
    matcher: "/admin/customer-portal/license-keys/import",
    bodyParser: { sizeLimit: "3mb" },
    middlewares: [validateBody(AdminImportLicenseKeys)],
  },
  { method: ["GET"], matcher: "/admin/customer-portal/license-plans", middlewares: [validateQuery(AdminListPlans)] },
  { method: ["POST"], matcher: "/admin/customer-portal/license-plans", middlewares: [validateBody(AdminUpsertLicensePlan)] },
]

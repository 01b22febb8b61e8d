import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
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
    middlewares: [validateAndTransformBody(AdminCreatePortalSession)],
  },
  { method: ["GET"], matcher: "/admin/customers/:id/portal-activity", middlewares: [validateQuery(AdminListPortalActivity)] },
  {
    method: ["POST"],
    matcher: "/admin/customer-portal",
    middlewares: [validateAndTransformBody(AdminUpdateCustomerPortal)],
  },
  { method: ["GET"], matcher: "/admin/customer-portal/invoices", middlewares: [validateQuery(AdminListInvoices)] },
  { method: ["GET"], matcher: "/admin/customer-portal/invoices/:id/pdf", middlewares: [validateQuery(AdminInvoicePdf)] },
  { method: ["GET"], matcher: "/admin/customer-portal/subscriptions", middlewares: [validateQuery(AdminListSubscriptions)] },
  { method: ["POST"], matcher: "/admin/customer-portal/subscriptions/:id/cancel", middlewares: [validateAndTransformBody(AdminCancelSubscription)] },
  { method: ["GET"], matcher: "/admin/customer-portal/plans", middlewares: [validateQuery(AdminListPlans)] },
  { method: ["POST"], matcher: "/admin/customer-portal/plans", middlewares: [validateAndTransformBody(AdminUpsertPlan)] },
  { method: ["GET"], matcher: "/admin/customer-portal/license-keys", middlewares: [validateQuery(AdminListLicenseKeys)] },
  {
    method: ["POST"],
    matcher: "/admin/customer-portal/license-keys/import",
    bodyParser: { sizeLimit: "3mb" },
    middlewares: [validateAndTransformBody(AdminImportLicenseKeys)],
  },
  { method: ["GET"], matcher: "/admin/customer-portal/license-plans", middlewares: [validateQuery(AdminListPlans)] },
  { method: ["POST"], matcher: "/admin/customer-portal/license-plans", middlewares: [validateAndTransformBody(AdminUpsertLicensePlan)] },
]

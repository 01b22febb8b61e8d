import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { authenticatePortal } from "../../utils/portal-auth"
import { clientIp, rateLimit } from "../../utils/rate-limit"
import { validateQuery } from "../../utils/validate-query"
import { StorePortalCreateSession, StorePortalExportInvoices, StorePortalListInvoices, StorePortalListOrders, StorePortalLoginRequest } from "./validators"

const HOUR = 3_600_000

export const storePortalMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/portal/*", middlewares: [authenticatePortal] },
  {
    method: ["POST"],
    matcher: "/store/portal/login-requests",
    middlewares: [
      validateAndTransformBody(StorePortalLoginRequest),
      rateLimit([
        { name: "login:ip", limit: 30, periodMs: HOUR, burst: 10, subject: clientIp },
        { name: "login:email-gap", limit: 1, periodMs: 60_000, subject: (req) => (req.validatedBody as any)?.email },
        { name: "login:email", limit: 5, periodMs: HOUR, subject: (req) => (req.validatedBody as any)?.email },
      ]),
    ],
  },
  { method: ["GET"], matcher: "/store/portal/orders", middlewares: [validateQuery(StorePortalListOrders)] },
  { method: ["GET"], matcher: "/store/portal/invoices", middlewares: [validateQuery(StorePortalListInvoices)] },
  { method: ["GET"], matcher: "/store/portal/exports/invoices", middlewares: [validateQuery(StorePortalExportInvoices)] },
  {
    method: ["POST"],
    matcher: "/store/portal/sessions",
    middlewares: [
      rateLimit([{ name: "redeem:ip", limit: 20, periodMs: 15 * 60_000, burst: 10, subject: clientIp }]),
      validateAndTransformBody(StorePortalCreateSession),
    ],
  },
]

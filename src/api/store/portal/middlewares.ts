import type { MiddlewareRoute } from "@medusajs/framework/http"
import { authenticatePortal, type PortalRequest } from "../../utils/portal-auth"
import { clientIp, rateLimit } from "../../utils/rate-limit"
import { validateBody } from "../../utils/validate-body"
import { validateQuery } from "../../utils/validate-query"
import { StoreCreateTestCard } from "../test-cards/validators"
import {
  StorePortalAddPaymentMethod,
  StorePortalCancelSubscription,
  StorePortalChangePaymentMethod,
  StorePortalCreateSession,
  StorePortalListSubscriptions,
  StorePortalExportInvoices,
  StorePortalInvoicePdf,
  StorePortalListActivity,
  StorePortalListInvoices,
  StorePortalListLicenseKeys,
  StorePortalListOrders,
  StorePortalListPaymentMethods,
  StorePortalLoginRequest,
  StorePortalPreviewLink,
  StorePortalRequestEmailConfirmation,
  StorePortalConfirmEmailChange,
  StorePortalRequestEmailChange,
  StorePortalUpdateProfile,
} from "./validators"

const HOUR = 3_600_000

export const storePortalMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/test-cards",
    middlewares: [
      rateLimit([{ name: "test-cards:ip", limit: 120, periodMs: HOUR, burst: 30, subject: clientIp }]),
      validateBody(StoreCreateTestCard),
    ],
  },
  { matcher: "/store/portal/*", middlewares: [authenticatePortal] },
  {
    method: ["POST"],
    matcher: "/store/portal/login-requests",
    middlewares: [
      validateBody(StorePortalLoginRequest),
      rateLimit([
        { name: "login:ip", limit: 30, periodMs: HOUR, burst: 10, subject: clientIp },
        { name: "login:email-gap", limit: 1, periodMs: 60_000, subject: (req) => (req.validatedBody as any)?.email },
        { name: "login:email", limit: 5, periodMs: HOUR, subject: (req) => (req.validatedBody as any)?.email },
      ]),
    ],
  },
  { method: ["POST"], matcher: "/store/portal/me", middlewares: [validateBody(StorePortalUpdateProfile)] },
  {
    method: ["POST"],
    matcher: "/store/portal/me/email-change",
    middlewares: [
      rateLimit([{ name: "email-change:customer", limit: 5, periodMs: HOUR, burst: 3, subject: (req) => (req as PortalRequest).portal?.customer_id }]),
      validateBody(StorePortalRequestEmailChange),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/portal/me/email-confirmation",
    middlewares: [
      rateLimit([
        { name: "email-confirmation:gap", limit: 1, periodMs: 60_000, subject: (req) => (req as PortalRequest).portal?.customer_id },
        { name: "email-confirmation:customer", limit: 5, periodMs: HOUR, subject: (req) => (req as PortalRequest).portal?.customer_id },
      ]),
      validateBody(StorePortalRequestEmailConfirmation),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/portal/link-previews",
    middlewares: [
      rateLimit([{ name: "link-preview:ip", limit: 60, periodMs: 15 * 60_000, burst: 20, subject: clientIp }]),
      validateBody(StorePortalPreviewLink),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/portal/email-changes",
    middlewares: [
      rateLimit([{ name: "email-change-confirm:ip", limit: 30, periodMs: HOUR, burst: 10, subject: clientIp }]),
      validateBody(StorePortalConfirmEmailChange),
    ],
  },
  { method: ["GET"], matcher: "/store/portal/orders", middlewares: [validateQuery(StorePortalListOrders)] },
  { method: ["GET"], matcher: "/store/portal/activity", middlewares: [validateQuery(StorePortalListActivity)] },
  { method: ["GET"], matcher: "/store/portal/invoices", middlewares: [validateQuery(StorePortalListInvoices)] },
  { method: ["GET"], matcher: "/store/portal/exports/invoices", middlewares: [validateQuery(StorePortalExportInvoices)] },
  { method: ["GET"], matcher: "/store/portal/subscriptions", middlewares: [validateQuery(StorePortalListSubscriptions)] },
  { method: ["GET"], matcher: "/store/portal/license-keys", middlewares: [validateQuery(StorePortalListLicenseKeys)] },
  { method: ["GET"], matcher: "/store/portal/payment-methods", middlewares: [validateQuery(StorePortalListPaymentMethods)] },
  {
    method: ["POST"],
    matcher: "/store/portal/payment-methods",
    middlewares: [
      rateLimit([{ name: "payment-methods:customer", limit: 30, periodMs: HOUR, burst: 10, subject: (req) => (req as PortalRequest).portal?.customer_id }]),
      validateBody(StorePortalAddPaymentMethod),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/portal/subscriptions/:id/payment-method",
    middlewares: [
      rateLimit([{ name: "change-payment-method:customer", limit: 60, periodMs: HOUR, burst: 20, subject: (req) => (req as PortalRequest).portal?.customer_id }]),
      validateBody(StorePortalChangePaymentMethod),
    ],
  },
  { method: ["POST"], matcher: "/store/portal/subscriptions/:id/cancel", middlewares: [validateBody(StorePortalCancelSubscription)] },
  { method: ["GET"], matcher: "/store/portal/invoices/:id/pdf", middlewares: [validateQuery(StorePortalInvoicePdf)] },
  {
    method: ["GET"],
    matcher: "/store/portal/exports/invoice-pdfs",
    middlewares: [
      validateQuery(StorePortalExportInvoices),
      // Each archive renders up to hundreds of PDFs: a few an hour per customer is plenty.
      rateLimit([{ name: "export:pdfs", limit: 20, periodMs: HOUR, burst: 5, subject: (req) => (req as PortalRequest).portal?.customer_id }]),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/portal/sessions",
    middlewares: [
      rateLimit([{ name: "redeem:ip", limit: 20, periodMs: 15 * 60_000, burst: 10, subject: clientIp }]),
      validateBody(StorePortalCreateSession),
    ],
  },
]

import type { MedusaRequest, MiddlewareRoute } from "@medusajs/framework/http"
import { authenticatePortal, type PortalRequest } from "../../utils/portal-auth"
import { clientBucket, rateLimit } from "../../utils/rate-limit"
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
  StorePortalListPaymentProviders,
  StorePortalCreatePaymentMethodSetup,
  StorePortalLoginRequest,
  StorePortalPreviewLink,
  StorePortalRequestEmailConfirmation,
  StorePortalConfirmEmailChange,
  StorePortalRequestEmailChange,
  StorePortalUpdateProfile,
} from "./validators"

const HOUR = 3_600_000
const customerOf = (req: MedusaRequest) => (req as PortalRequest).portal?.customer_id

/** Cancelling and undoing it each email the customer: a few an hour is plenty. */
const subscriptionChanges = rateLimit([{ name: "subscription-change:customer", limit: 20, periodMs: HOUR, burst: 10, subject: customerOf }])
/** Each PDF is rendered on the server, each export reads the whole history: as many as the merchant allows an hour. */
const perCustomerDownloads = rateLimit([
  { name: "downloads:customer", limit: (o) => o.downloadsPerHour, burst: (o) => Math.max(10, Math.floor(o.downloadsPerHour / 10)), periodMs: HOUR, subject: customerOf },
])

export const storePortalMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/test-cards",
    middlewares: [
      rateLimit([{ name: "test-cards:ip", limit: 120, periodMs: HOUR, burst: 30, subject: clientBucket }]),
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
        { name: "login:ip", limit: 30, periodMs: HOUR, burst: 10, subject: clientBucket },
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
      rateLimit([{ name: "email-change:customer", limit: 5, periodMs: HOUR, burst: 3, subject: customerOf }]),
      validateBody(StorePortalRequestEmailChange),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/portal/me/email-confirmation",
    middlewares: [
      rateLimit([
        { name: "email-confirmation:gap", limit: 1, periodMs: 60_000, subject: customerOf },
        { name: "email-confirmation:customer", limit: 5, periodMs: HOUR, subject: customerOf },
      ]),
      validateBody(StorePortalRequestEmailConfirmation),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/portal/link-previews",
    middlewares: [
      rateLimit([{ name: "link-preview:ip", limit: 60, periodMs: 15 * 60_000, burst: 20, subject: clientBucket }]),
      validateBody(StorePortalPreviewLink),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/portal/email-changes",
    middlewares: [
      rateLimit([{ name: "email-change-confirm:ip", limit: 30, periodMs: HOUR, burst: 10, subject: clientBucket }]),
      validateBody(StorePortalConfirmEmailChange),
    ],
  },
  { method: ["GET"], matcher: "/store/portal/orders", middlewares: [validateQuery(StorePortalListOrders)] },
  { method: ["GET"], matcher: "/store/portal/activity", middlewares: [validateQuery(StorePortalListActivity)] },
  { method: ["GET"], matcher: "/store/portal/invoices", middlewares: [validateQuery(StorePortalListInvoices)] },
  { method: ["GET"], matcher: "/store/portal/exports/invoices", middlewares: [validateQuery(StorePortalExportInvoices), perCustomerDownloads] },
  { method: ["GET"], matcher: "/store/portal/subscriptions", middlewares: [validateQuery(StorePortalListSubscriptions)] },
  { method: ["GET"], matcher: "/store/portal/license-keys", middlewares: [validateQuery(StorePortalListLicenseKeys)] },
  { method: ["GET"], matcher: "/store/portal/payment-methods", middlewares: [validateQuery(StorePortalListPaymentMethods)] },
  { method: ["GET"], matcher: "/store/portal/payment-providers", middlewares: [validateQuery(StorePortalListPaymentProviders)] },
  {
    method: ["POST"],
    matcher: "/store/portal/payment-methods/setups",
    middlewares: [
      // Each setup is an object at the provider: as many as adding cards allows.
      rateLimit([{ name: "payment-method-setups:customer", limit: 30, periodMs: HOUR, burst: 10, subject: customerOf }]),
      validateBody(StorePortalCreatePaymentMethodSetup),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/portal/payment-methods",
    middlewares: [
      rateLimit([{ name: "payment-methods:customer", limit: 30, periodMs: HOUR, burst: 10, subject: customerOf }]),
      validateBody(StorePortalAddPaymentMethod),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/portal/subscriptions/:id/payment-method",
    middlewares: [
      rateLimit([{ name: "change-payment-method:customer", limit: 60, periodMs: HOUR, burst: 20, subject: customerOf }]),
      validateBody(StorePortalChangePaymentMethod),
    ],
  },
  { method: ["POST"], matcher: "/store/portal/subscriptions/:id/cancel", middlewares: [subscriptionChanges, validateBody(StorePortalCancelSubscription)] },
  { method: ["POST"], matcher: "/store/portal/subscriptions/:id/undo-cancel", middlewares: [subscriptionChanges] },
  { method: ["GET"], matcher: "/store/portal/invoices/:id/pdf", middlewares: [validateQuery(StorePortalInvoicePdf), perCustomerDownloads] },
  {
    method: ["GET"],
    matcher: "/store/portal/exports/invoice-pdfs",
    middlewares: [
      validateQuery(StorePortalExportInvoices),
      // Each archive renders up to hundreds of PDFs: a few an hour per customer is plenty.
      rateLimit([{ name: "export:pdfs", limit: 20, periodMs: HOUR, burst: 5, subject: customerOf }]),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/portal/sessions",
    middlewares: [
      rateLimit([{ name: "redeem:ip", limit: 20, periodMs: 15 * 60_000, burst: 10, subject: clientBucket }]),
      validateBody(StorePortalCreateSession),
    ],
  },
]

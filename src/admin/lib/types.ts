export type {
  AdminInvoice,
  AdminInvoiceQuery,
  AdminSubscription,
  Interval,
  SubscriptionPlan,
  SubscriptionStatus,
  BusinessAddress,
  InvoiceStatus,
  CustomerPortalSettings as AdminCustomerPortal,
  CustomerPortalSettingsResponse as AdminCustomerPortalResponse,
  PortalSessionLink,
} from "../../client"

export type {
  AdminInvoice,
  AdminInvoiceQuery,
  BusinessAddress,
  InvoiceStatus,
  CustomerPortalSettings as AdminCustomerPortal,
  CustomerPortalSettingsResponse as AdminCustomerPortalResponse,
  PortalSessionLink,
} from "../../client"

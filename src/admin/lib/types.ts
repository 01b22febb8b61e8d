export type {
  CustomerPortalSettings as AdminCustomerPortal,
  CustomerPortalSettingsResponse as AdminCustomerPortalResponse,
  PortalSessionLink,
} from "../../client"

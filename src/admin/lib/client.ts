import { createCustomerPortalClient } from "../../client"
import { sdk } from "./sdk"

/** The plugin's admin routes, typed, with the admin's own session. */
export const portalClient = createCustomerPortalClient(sdk)

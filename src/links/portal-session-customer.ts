import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CustomerPortalModule from "../modules/customer-portal"

/**
 * Read-only link: the portal session keeps `customer_id` itself (indexed, for the portal's own
 * queries), and Query can still join the customer through it.
 */
export default defineLink(
  { linkable: CustomerPortalModule.linkable.portalSession, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)

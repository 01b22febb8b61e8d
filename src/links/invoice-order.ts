import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import CustomerPortalModule from "../modules/customer-portal"

/**
 * Read-only link: the invoice keeps `order_id` itself (indexed, for the portal's own
 * queries), and Query can still join the order through it.
 */
export default defineLink(
  { linkable: CustomerPortalModule.linkable.invoice, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)

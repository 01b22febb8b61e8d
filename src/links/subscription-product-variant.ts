import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import CustomerPortalModule from "../modules/customer-portal"

/**
 * Read-only link: the subscription keeps `product_variant_id` itself (indexed, for the portal's own
 * queries), and Query can still join the product variant through it.
 */
export default defineLink(
  { linkable: CustomerPortalModule.linkable.subscription, field: "product_variant_id" },
  ProductModule.linkable.productVariant,
  { readOnly: true }
)

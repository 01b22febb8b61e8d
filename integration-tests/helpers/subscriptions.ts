import type { MedusaContainer } from "@medusajs/framework/types"
import { placeOrder } from "../../scripts/fixtures/commerce"
import { CUSTOMER_PORTAL_MODULE } from "../../src/modules/customer-portal"
import type CustomerPortalModuleService from "../../src/modules/customer-portal/service"
import type { createDigitalCatalog } from "./catalog"
import { waitFor } from "./wait"

/**
 * A subscription as a customer starts one: an order of the catalog's plan
 * variant paid with a test card the order saves; the subscription the
 * order's subscriber starts, and the order.
 */
export async function subscribeWithCard(
  container: MedusaContainer,
  input: { catalog: Awaited<ReturnType<typeof createDigitalCatalog>>; customer: { id: string; email: string }; cardId: string }
) {
  const order = await placeOrder(container, {
    region_id: input.catalog.region.id,
    sales_channel_id: input.catalog.salesChannel.id,
    email: input.customer.email,
    customer_id: input.customer.id,
    items: [{ variant_id: input.catalog.variant.id, quantity: 1 }],
    provider_id: "pp_test-card_test",
    payment_data: { payment_method_id: input.cardId, save_payment_method: true },
  })
  const service = container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
  const [sub] = await waitFor(
    () => service.listSubscriptions({ order_id: order.id }),
    (list) => list.length === 1
  )
  return { order, sub }
}

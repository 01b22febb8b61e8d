import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../modules/customer-portal"
import type CustomerPortalModuleService from "../modules/customer-portal/service"

/**
 * Whether an order is one of the portal's own charges (a renewal or the dues
 * of an on-hold subscription), which is billed on its subscription's invoice
 * and starts nothing. Told by the server's record — the invoice whose
 * attempt placed it — never by the cart's metadata, which a shopper can set
 * on their own cart.
 */
export async function isPortalChargeOrder(container: MedusaContainer, orderId: string): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "cart.id"], filters: { id: orderId } })
  const service: CustomerPortalModuleService = container.resolve(CUSTOMER_PORTAL_MODULE)
  return service.isChargeOrder(orderId, (order as any)?.cart?.id ?? null)
}

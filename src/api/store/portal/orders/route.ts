import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { amountToNumber } from "../../../../lib/money"
import { lineItemTitle } from "../../../../lib/order-invoice"
import type { PortalRequest } from "../../../utils/portal-auth"
import type { StorePortalListOrdersType } from "../validators"

/**
 * The customer's purchases, newest first: the orders of every record with the
 * session's email (a guest checkout and an account alike). Paginated.
 */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as StorePortalListOrdersType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "order",
    fields: ["display_id", "created_at", "status", "total", "currency_code", "items.title", "items.product_title", "items.variant_title", "items.quantity"],
    filters: { customer_id: req.portal.customer_ids },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({
    orders: data.map((order: any) => ({
      display_id: order.display_id,
      created_at: order.created_at,
      status: order.status,
      total: amountToNumber(order.total),
      currency_code: order.currency_code,
      items: (order.items ?? []).map((item: any) => ({
        title: lineItemTitle(item),
        quantity: amountToNumber(item.quantity),
      })),
    })),
    count: metadata?.count ?? data.length,
    limit,
    offset,
  })
}

import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { amountToNumber } from "../../../../lib/money"
import { lineItemTitle } from "../../../../lib/order-invoice"
import { CUSTOMER_PORTAL_MODULE } from "../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../modules/customer-portal/service"
import type { PortalRequest } from "../../../utils/portal-auth"
import type { StorePortalListOrdersType } from "../validators"

/**
 * The customer's purchases, newest first: the orders of every record with the
 * session's email (a guest checkout and an account alike), in the session's
 * mode — an order is test or live as the money that paid it, and its invoice
 * keeps that mode. Paginated from the invoices' (customer, mode, issued_at)
 * index; each order is then read from Medusa.
 */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as StorePortalListOrdersType
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [invoices, count] = await service.listAndCountInvoices(
    { customer_id: req.portal.customer_ids, mode: req.portal.mode, order_id: { $ne: null } } as any,
    { select: ["id", "order_id", "issued_at"], skip: offset, take: limit, order: { issued_at: "DESC", id: "DESC" } }
  )
  const ids = invoices.map((invoice) => invoice.order_id!)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: found } = ids.length
    ? await query.graph({
        entity: "order",
        fields: ["id", "display_id", "created_at", "status", "total", "currency_code", "items.title", "items.product_title", "items.variant_title", "items.quantity"],
        filters: { id: ids },
      })
    : { data: [] as any[] }
  const byId = new Map(found.map((order: any) => [order.id, order]))
  const data = ids.map((id) => byId.get(id)).filter(Boolean)
  const metadata = { count }
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

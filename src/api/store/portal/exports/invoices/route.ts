import type { MedusaResponse } from "@medusajs/framework/http"
import { csvRow } from "../../../../../lib/csv"
import { minorUnitsToDecimal } from "../../../../../lib/money"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../modules/customer-portal/service"
import type { PortalRequest } from "../../../../utils/portal-auth"
import { portalInvoiceFilters } from "../../../../utils/portal-invoice"
import type { StorePortalExportInvoicesType } from "../../validators"

const BATCH = 500

/**
 * P1 export: the billing history as CSV, for the customer's accountants —
 * every invoice of the filters, newest first, streamed in batches so the
 * memory used does not grow with the history. Amounts are exact decimals in
 * the invoice's currency.
 */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const filters = portalInvoiceFilters(req.portal, req.validatedQuery as StorePortalExportInvoicesType)
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", 'attachment; filename="billing-history.csv"')
  res.setHeader("Cache-Control", "private, no-store")
  res.write("\ufeff" + csvRow(["Invoice number", "Issued", "Status", "Description", "Currency", "Subtotal", "Discount", "Shipping", "Tax", "Total", "Paid"]))
  for (let skip = 0; ; skip += BATCH) {
    const invoices = await service.listInvoices(filters, { skip, take: BATCH, order: { issued_at: "DESC", id: "DESC" }, relations: ["lines"] })
    for (const invoice of invoices) {
      const money = (value: unknown) => minorUnitsToDecimal(Number(value), invoice.currency_code)
      const description = (invoice.lines ?? []).filter((l) => l.kind === "item").map((l) => `${l.quantity} × ${l.title}`).join("; ")
      res.write(
        csvRow([
          invoice.number,
          new Date(invoice.issued_at).toISOString().slice(0, 10),
          invoice.status,
          description,
          invoice.currency_code.toUpperCase(),
          money(invoice.subtotal),
          money(invoice.discount_total),
          money(invoice.shipping_total),
          money(invoice.tax_total),
          money(invoice.total),
          invoice.paid_at ? new Date(invoice.paid_at).toISOString().slice(0, 10) : "",
        ])
      )
    }
    if (invoices.length < BATCH) break
  }
  res.end()
}

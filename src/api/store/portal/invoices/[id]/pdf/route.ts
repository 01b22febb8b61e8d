import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { invoiceFileName, invoicePdf } from "../../../../../../lib/invoice-pdf"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../../modules/customer-portal/service"
import type { PortalRequest } from "../../../../../utils/portal-auth"
import { requestLanguage } from "../../../../../utils/portal-invoice"

/**
 * P1: an invoice of the signed-in customer as a PDF, in English or Arabic
 * (Medusa's request locale: `?locale=ar`; else the invoice's own language). Anyone else's invoice is a
 * 404, exactly like one that does not exist.
 */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [invoice] = await service.listInvoices(
    { id: req.params.id, customer_id: req.portal.customer_ids, mode: req.portal.mode },
    { take: 1, relations: ["lines"] }
  )
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "There is no such invoice in your account.")
  }
  const portal = await service.retrieveCustomerPortal(invoice.portal_id)
  const pdf = await invoicePdf(invoice, portal, requestLanguage(req))
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="${invoiceFileName(invoice)}"`)
  res.setHeader("Content-Length", String(pdf.length))
  res.setHeader("Cache-Control", "private, no-store")
  res.end(pdf)
}

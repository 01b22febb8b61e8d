import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { invoiceFileName, invoicePdf } from "../../../../../../lib/invoice-pdf"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../../modules/customer-portal/service"
import type { AdminInvoicePdfType } from "../../../../validators"

/** The invoice as its customer downloads it, in English or Arabic. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const [invoice] = await service.listInvoices({ id: req.params.id }, { take: 1, relations: ["lines"] })
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no invoice with the id ${req.params.id}.`)
  }
  const portal = await service.retrieveCustomerPortal(invoice.portal_id)
  const pdf = await invoicePdf(invoice, portal, (req.validatedQuery as AdminInvoicePdfType).locale)
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="${invoiceFileName(invoice)}"`)
  res.setHeader("Content-Length", String(pdf.length))
  res.setHeader("Cache-Control", "private, no-store")
  res.end(pdf)
}

import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { Zip, ZipPassThrough } from "fflate"
import { invoiceFileName, invoicePdf, invoiceSeller } from "../../../../../lib/invoice-pdf"
import { CUSTOMER_PORTAL_MODULE } from "../../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../../modules/customer-portal/service"
import type { PortalRequest } from "../../../../utils/portal-auth"
import { portalInvoiceFilters, requestLanguage } from "../../../../utils/portal-invoice"
import type { StorePortalExportInvoicesType } from "../../validators"

/** The most invoices one archive holds; a longer history is downloaded range by range. */
export const MAX_INVOICES_PER_ARCHIVE = 500
const BATCH = 50

/**
 * P1 export: every invoice of a date range as PDFs in one ZIP, for the
 * customer's accountants. Counted first, from the index, so a range that is
 * too large is a clear 400 before any work; then rendered in batches and
 * streamed out as each PDF is ready (PDFs are already compressed, so they
 * are stored as they are).
 */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const query = req.validatedQuery as StorePortalExportInvoicesType
  const filters = portalInvoiceFilters(req.portal, query)
  const [, count] = await service.listAndCountInvoices(filters, { take: 1, select: ["id"] })
  if (count === 0) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "There are no invoices in this date range. Choose another range and try again.")
  }
  if (count > MAX_INVOICES_PER_ARCHIVE) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `This range holds ${count} invoices; one download holds up to ${MAX_INVOICES_PER_ARCHIVE}. Choose a shorter date range and try again.`
    )
  }
  const portals = new Map<string, Awaited<ReturnType<CustomerPortalModuleService["retrieveCustomerPortal"]>>>()
  const sellers = new Map<string, Awaited<ReturnType<typeof invoiceSeller>>>()

  res.setHeader("Content-Type", "application/zip")
  res.setHeader("Content-Disposition", `attachment; filename="${archiveName(query)}"`)
  res.setHeader("Cache-Control", "private, no-store")

  const zip = new Zip((error, chunk, final) => {
    if (error) return res.destroy(error)
    res.write(Buffer.from(chunk))
    if (final) res.end()
  })
  const names = new Set<string>()
  try {
    await addInvoices()
  } catch (error) {
    // The headers are out: a half-written archive must not look complete.
    req.scope.resolve("logger").error(`Invoice archive failed: ${(error as Error).message}`)
    return res.destroy(error as Error)
  }
  zip.end()

  async function addInvoices() {
    for (let skip = 0; skip < count; skip += BATCH) {
      const invoices = await service.listInvoices(filters, { skip, take: BATCH, order: { issued_at: "DESC", id: "DESC" }, relations: ["lines"] })
      for (const invoice of invoices) {
        if (!portals.has(invoice.portal_id)) {
          const portal = await service.retrieveCustomerPortal(invoice.portal_id)
          portals.set(invoice.portal_id, portal)
          sellers.set(invoice.portal_id, await invoiceSeller(portal))
        }
        const pdf = await invoicePdf(invoice, portals.get(invoice.portal_id)!, requestLanguage(req), sellers.get(invoice.portal_id))
        let name = invoiceFileName(invoice)
        for (let n = 2; names.has(name); n++) name = invoiceFileName({ number: `${invoice.number}-${n}` })
        names.add(name)
        const entry = new ZipPassThrough(name)
        entry.mtime = new Date(invoice.issued_at)
        zip.add(entry)
        entry.push(pdf, true)
      }
      if (invoices.length < BATCH) break
    }
  }
}

function archiveName({ from, to }: StorePortalExportInvoicesType): string {
  const day = (value?: string) => (value ? new Date(value).toISOString().slice(0, 10) : null)
  const range = [day(from) ?? "start", day(to) ?? "today"].join("_to_")
  return `invoices_${range}.zip`
}

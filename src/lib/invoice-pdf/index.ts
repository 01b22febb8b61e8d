import type { CustomerPortalDTO, InvoiceDTO } from "../../modules/customer-portal/service"
import { invoiceLogo } from "./logo"
import { invoicePdfLocale, type InvoicePdfLocale } from "./messages"
import { renderInvoicePdf, type BusinessAddress, type InvoicePdfInput } from "./render"

export { invoicePdfLocale, INVOICE_PDF_LOCALES, type InvoicePdfLocale } from "./messages"
export { renderInvoicePdf, type BusinessAddress, type InvoicePdfInput } from "./render"

/** The seller block of an invoice, from the portal settings (the logo fetched once and kept). */
export async function invoiceSeller(portal: CustomerPortalDTO): Promise<InvoicePdfInput["seller"]> {
  return {
    name: portal.name,
    address: (portal.business_address as BusinessAddress | null) ?? null,
    support_email: portal.support_email,
    logo: await invoiceLogo(portal.logo_url),
  }
}

/** A download name that is safe in a header and on any file system: "INV-000123.pdf". */
export function invoiceFileName(invoice: Pick<InvoiceDTO, "number">, extension = "pdf"): string {
  return `${invoice.number.replace(/[^A-Za-z0-9._-]/g, "_")}.${extension}`
}

/** Renders an invoice (with its lines loaded) in the language asked for, else the invoice's, else the store's. */
export async function invoicePdf(
  invoice: InvoiceDTO,
  portal: CustomerPortalDTO,
  requestedLocale?: unknown,
  seller?: InvoicePdfInput["seller"]
): Promise<Buffer> {
  const locale: InvoicePdfLocale = invoicePdfLocale(requestedLocale, invoice.locale ?? portal.default_locale)
  return renderInvoicePdf({
    invoice: invoice as unknown as InvoicePdfInput["invoice"],
    seller: seller ?? (await invoiceSeller(portal)),
    locale,
  })
}

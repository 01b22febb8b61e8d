/**
 * What the invoice-PDF archive handler answers when it cannot send a ZIP, as `{ code }`. Shared by
 * the route handler and the button that calls it, so it holds nothing server-only.
 */
export const PDF_EXPORT_FAILURES = [
  "empty",
  "too_many",
  "bad_filter",
  "rate_limited",
  "session_ended",
  "unavailable",
] as const

export type PdfExportFailure = (typeof PDF_EXPORT_FAILURES)[number]

/** The most invoices one archive holds; the backend refuses a larger range with a 400. */
export const PDF_EXPORT_LIMIT = 500

export function isPdfExportFailure(value: unknown): value is PdfExportFailure {
  return typeof value === "string" && (PDF_EXPORT_FAILURES as ReadonlyArray<string>).includes(value)
}

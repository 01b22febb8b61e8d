import { renderInvoicePdf, type InvoicePdfInput } from "../src/lib/invoice-pdf"

/**
 * PDF rendering on one core, without HTTP: a typical one-page invoice in
 * English and in Arabic, after a warm-up. Prints JSON for scripts/bench.mjs.
 */
const invoice: InvoicePdfInput["invoice"] = {
  number: "INV-004213",
  status: "paid",
  source_type: "order",
  currency_code: "usd",
  subtotal: 12998,
  discount_total: 1000,
  shipping_total: 500,
  tax_total: 1040,
  total: 13538,
  issued_at: new Date("2026-11-20T10:00:00Z"),
  paid_at: new Date("2026-11-20T10:05:00Z"),
  customer_email: "layla@example.com",
  customer_name: "Layla Haddad",
  billing_address: { address_1: "12 King Fahd Road", city: "Riyadh", postal_code: "12211", country_code: "sa" },
  payment_method_label: "Visa •••• 4242",
  lines: [
    { kind: "item", title: "Northwind Pro · Monthly", quantity: 1, unit_price: 9999, subtotal: 9999, discount_total: 1000, tax_total: 800, total: 9799, rank: 0 },
    { kind: "item", title: "Northwind Desktop · 1 user", quantity: 2, unit_price: 1499, subtotal: 2998, discount_total: 0, tax_total: 240, total: 3238, rank: 1 },
    { kind: "shipping", title: "Standard shipping", quantity: 1, unit_price: 500, subtotal: 500, discount_total: 0, tax_total: 0, total: 500, rank: 2 },
  ],
}
const seller = { name: "Northwind Studio", support_email: "help@northwind.example", address: { address_1: "221 Market Street", city: "San Francisco", country_code: "us" } }

async function main() {
  const runs = Number(process.env.BENCH_PDF_RUNS || 300)
  const result: Record<string, unknown> = {}
  for (const locale of ["en", "ar"] as const) {
    for (let i = 0; i < 30; i++) await renderInvoicePdf({ invoice, seller, locale })
    const times: number[] = []
    let bytes = 0
    const started = process.hrtime.bigint()
    for (let i = 0; i < runs; i++) {
      const t = process.hrtime.bigint()
      bytes = (await renderInvoicePdf({ invoice, seller, locale })).length
      times.push(Number(process.hrtime.bigint() - t) / 1e6)
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    times.sort((a, b) => a - b)
    result[locale] = {
      runs,
      median_ms: times[Math.floor(runs / 2)],
      p95_ms: times[Math.floor(runs * 0.95)],
      per_second: runs / seconds,
      bytes,
    }
  }
  process.stdout.write(JSON.stringify(result))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

import PdfPrinter from "pdfmake/js/Printer"
import URLResolver from "pdfmake/js/URLResolver"
import { minorUnitsToDecimal } from "../money"
import { layoutParagraph, type Direction } from "./bidi"
import { FAMILIES, familyFor, fontDescriptors, fontFileSystem, measureText } from "./fonts"
import { INVOICE_PDF_MESSAGES, type InvoicePdfLocale } from "./messages"

/** The seller's address and tax details, as kept in the portal settings. */
export type BusinessAddress = {
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  province?: string | null
  postal_code?: string | null
  country_code?: string | null
  phone?: string | null
  tax_id?: string | null
}

type Address = Record<string, unknown> | null | undefined

export type InvoicePdfLine = {
  kind: string
  title: string
  description?: string | null
  quantity: number
  unit_price: unknown
  subtotal: unknown
  discount_total: unknown
  tax_total: unknown
  total: unknown
  rank: number
}

export type InvoicePdfInput = {
  invoice: {
    number: string
    status: "open" | "paid" | "void" | "uncollectible"
    source_type: "order" | "renewal" | "dues"
    currency_code: string
    subtotal: unknown
    discount_total: unknown
    shipping_total: unknown
    tax_total: unknown
    total: unknown
    issued_at: Date | string
    paid_at?: Date | string | null
    voided_at?: Date | string | null
    customer_email: string
    customer_name?: string | null
    billing_address?: Address
    payment_method_label?: string | null
    lines?: InvoicePdfLine[] | null
  }
  seller: {
    name: string
    address?: BusinessAddress | null
    support_email?: string | null
    /** A PNG or JPEG, already fetched and checked. */
    logo?: Buffer | null
  }
  locale: InvoicePdfLocale
}

const PAGE_WIDTH = 595.28 // A4
const MARGIN = 40
const CONTENT = PAGE_WIDTH - 2 * MARGIN
const SIZE = 9.5
const COLORS = { text: "#111827", muted: "#6b7280", rule: "#e5e7eb", paid: "#047857", open: "#b45309", void: "#6b7280" }

type Style = { bold?: boolean; size?: number; color?: string }

/** Builds the pdfmake content for text in one direction: explicit lines, each already in visual order. */
function writer(direction: Direction) {
  const start = direction === "rtl" ? "right" : "left"
  const end = direction === "rtl" ? "left" : "right"
  /**
   * A paragraph broken into lines of at most `width` points, aligned to the
   * start or end side of the page. Words of the portal itself take the page's
   * direction; what customers and merchants typed ("auto") takes its own.
   */
  const paragraph = (text: string | null | undefined, width: number, style: Style = {}, align: "start" | "end" = "start", own: "auto" | null = null) => {
    const size = style.size ?? SIZE
    const bold = !!style.bold
    const lines = layoutParagraph(text ?? "", own ?? direction, width, (t) => measureText(t, { bold, size }))
    return {
      stack: lines.map((pieces) => ({
        text: pieces.map((piece) => ({ text: piece.text, font: familyFor(piece.text) })),
        alignment: align === "start" ? start : end,
        noWrap: true,
        fontSize: size,
        bold,
        color: style.color ?? COLORS.text,
      })),
    }
  }
  /** Columns in reading order, laid out right to left when the text is. */
  const row = <T>(cells: T[]) => (direction === "rtl" ? [...cells].reverse() : cells)
  return { paragraph, row, start, end }
}

function formatter(locale: InvoicePdfLocale, currency: string) {
  let money: Intl.NumberFormat | null = null
  try {
    money = new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() })
  } catch {
    money = null
  }
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" })
  const regions = new Intl.DisplayNames([locale], { type: "region" })
  return {
    money: (minor: unknown) => {
      const decimal = minorUnitsToDecimal(Number(minor), currency)
      if (!money) return `${decimal} ${currency.toUpperCase()}`
      // Intl formats a decimal string exactly (a float would round some
      // amounts); the currency is isolated so "US$" stays "US$" in Arabic.
      return money
        .formatToParts(decimal as unknown as number)
        .map((part) => (part.type === "currency" ? `\u2066${part.value}\u2069` : part.value))
        .join("")
    },
    date: (value: Date | string) => date.format(new Date(value)),
    country: (code: unknown) => {
      if (typeof code !== "string" || !/^[a-z]{2}$/i.test(code)) return null
      try {
        return regions.of(code.toUpperCase()) ?? null
      } catch {
        return null
      }
    },
  }
}

function addressLines(address: Address, country: (code: unknown) => string | null, options: { name?: boolean } = {}): string[] {
  if (!address) return []
  const text = (key: string) => (typeof address[key] === "string" && (address[key] as string).trim() ? (address[key] as string).trim() : null)
  const name = options.name ? [text("first_name"), text("last_name")].filter(Boolean).join(" ") : ""
  const cityLine = [text("postal_code"), text("city")].filter(Boolean).join(" ")
  return [
    name || null,
    text("company"),
    text("address_1"),
    text("address_2"),
    [cityLine, text("province")].filter(Boolean).join(", ") || null,
    country(address.country_code),
    text("phone"),
  ].filter((line): line is string => !!line)
}

/** The invoice as a pdfmake document definition (exported for tests of the layout). */
export function invoiceDocument(input: InvoicePdfInput) {
  const { invoice, seller, locale } = input
  const m = INVOICE_PDF_MESSAGES[locale]
  const direction: Direction = locale === "ar" ? "rtl" : "ltr"
  const w = writer(direction)
  const f = formatter(locale, invoice.currency_code)
  const half = CONTENT / 2 - 10

  const sellerBlock = {
    stack: [
      ...(seller.logo ? [{ image: "logo", fit: [140, 48], alignment: w.start, margin: [0, 0, 0, 8] }] : []),
      w.paragraph(seller.name, half, { bold: true, size: 13 }, "start", "auto"),
      ...addressLines(seller.address as Address, f.country).map((line) => w.paragraph(line, half, { color: COLORS.muted }, "start", "auto")),
      ...(seller.address?.tax_id ? [w.paragraph(`${m.taxId}: ${seller.address.tax_id}`, half, { color: COLORS.muted })] : []),
      ...(seller.support_email ? [w.paragraph(seller.support_email, half, { color: COLORS.muted }, "start", "auto")] : []),
    ],
  }

  const statusColor = invoice.status === "paid" ? COLORS.paid : invoice.status === "open" ? COLORS.open : COLORS.void
  const fact = (label: string, value: string, style: Style = {}) => ({
    columns: w.row([
      { width: 95, ...w.paragraph(label, 95, { color: COLORS.muted }) },
      { width: "*", ...w.paragraph(value, half - 105, style, "end") },
    ]),
    columnGap: 10,
  })
  const invoiceBlock = {
    stack: [
      w.paragraph(m.invoice, half, { bold: true, size: 22 }, "end"),
      { text: " ", fontSize: 4 },
      fact(m.number, invoice.number, { bold: true }),
      fact(m.issuedOn, f.date(invoice.issued_at)),
      fact(m.status, m.statuses[invoice.status], { bold: true, color: statusColor }),
      ...(invoice.paid_at ? [fact(m.paidOn, f.date(invoice.paid_at))] : []),
      ...(invoice.voided_at ? [fact(m.voidedOn, f.date(invoice.voided_at))] : []),
    ],
  }

  const billTo = [
    w.paragraph(m.billTo, CONTENT, { bold: true, color: COLORS.muted, size: 8.5 }),
    ...[
      invoice.customer_name,
      ...addressLines(invoice.billing_address, f.country, { name: !invoice.customer_name }),
      invoice.customer_email,
    ]
      .filter((line): line is string => !!line)
      .filter((line, i, all) => all.indexOf(line) === i)
      .map((line) => w.paragraph(line, half, {}, "start", "auto")),
  ]

  // The items table: description, quantity, unit price, amount (mirrored in Arabic).
  const widths = { qty: 45, unit: 85, amount: 85 }
  const padding = 6
  const descriptionWidth = CONTENT - widths.qty - widths.unit - widths.amount - 8 * padding - 4
  const header = w.row([
    w.paragraph(m.description, descriptionWidth, { bold: true, size: 8.5, color: COLORS.muted }),
    w.paragraph(m.quantity, widths.qty, { bold: true, size: 8.5, color: COLORS.muted }, "end"),
    w.paragraph(m.unitPrice, widths.unit, { bold: true, size: 8.5, color: COLORS.muted }, "end"),
    w.paragraph(m.amount, widths.amount, { bold: true, size: 8.5, color: COLORS.muted }, "end"),
  ])
  const lines = [...(invoice.lines ?? [])].sort((a, b) => a.rank - b.rank)
  const body = lines.map((line) => {
    const title = line.kind === "shipping" ? `${m.shipping}: ${line.title}` : line.title
    return w.row([
      {
        stack: [
          w.paragraph(title, descriptionWidth, {}, "start", line.kind === "shipping" ? null : "auto"),
          ...(line.description ? [w.paragraph(line.description, descriptionWidth, { color: COLORS.muted, size: 8.5 }, "start", "auto")] : []),
          ...(Number(line.discount_total) > 0
            ? [w.paragraph(`${m.discounts}: ${f.money(-Number(line.discount_total))}`, descriptionWidth, { color: COLORS.muted, size: 8.5 })]
            : []),
        ],
      },
      w.paragraph(String(line.quantity), widths.qty, {}, "end"),
      w.paragraph(f.money(line.unit_price), widths.unit, {}, "end"),
      w.paragraph(f.money(line.subtotal), widths.amount, {}, "end"),
    ])
  })
  const itemsTable = {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: w.row(["*", widths.qty, widths.unit, widths.amount]),
      body: [header, ...body],
    },
    layout: {
      hLineWidth: (i: number) => (i === 0 ? 0 : 0.6),
      vLineWidth: () => 0,
      hLineColor: () => COLORS.rule,
      paddingLeft: () => padding,
      paddingRight: () => padding,
      paddingTop: () => 5,
      paddingBottom: () => 5,
    },
  }

  const totalsWidth = 240
  const totalRow = (label: string, minor: unknown, style: Style = {}) =>
    w.row([w.paragraph(label, 130, style), w.paragraph(f.money(minor), 90, style, "end")])
  const totals = [
    totalRow(m.subtotal, invoice.subtotal),
    ...(Number(invoice.discount_total) > 0 ? [totalRow(m.discounts, -Number(invoice.discount_total))] : []),
    ...(Number(invoice.shipping_total) > 0 ? [totalRow(m.shipping, invoice.shipping_total)] : []),
    totalRow(m.tax, invoice.tax_total),
    totalRow(m.total, invoice.total, { bold: true, size: 11 }),
    ...(invoice.status === "open" ? [totalRow(m.amountDue, invoice.total, { bold: true, color: COLORS.open })] : []),
  ]
  const totalsTable = {
    columns: w.row([
      { width: "*", text: "" },
      {
        width: totalsWidth,
        table: { widths: w.row(["*", "auto"]), body: totals },
        layout: {
          hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === node.table.body.length - (invoice.status === "open" ? 2 : 1) ? 0.8 : 0),
          vLineWidth: () => 0,
          hLineColor: () => COLORS.text,
          paddingLeft: () => padding,
          paddingRight: () => padding,
          paddingTop: () => 3,
          paddingBottom: () => 3,
        },
      },
    ]),
  }

  const payment = invoice.payment_method_label
    ? [
        { text: " ", fontSize: 8 },
        w.paragraph(m.payment, CONTENT, { bold: true, color: COLORS.muted, size: 8.5 }),
        w.paragraph(`${m.paymentMethod}: ${invoice.payment_method_label}`, CONTENT),
      ]
    : []

  return {
    pageSize: "A4",
    pageMargins: [MARGIN, MARGIN, MARGIN, 56],
    language: locale,
    info: { title: `${m.invoice} ${invoice.number}`, author: seller.name, subject: `${m.invoice} ${invoice.number}` },
    defaultStyle: { font: FAMILIES.primary, fontSize: SIZE, color: COLORS.text, lineHeight: 1.3 },
    images: seller.logo ? { logo: `data:image/${seller.logo[0] === 0x89 ? "png" : "jpeg"};base64,${seller.logo.toString("base64")}` } : {},
    content: [
      { columns: w.row([{ width: half, ...sellerBlock }, { width: "*", text: "" }, { width: half, ...invoiceBlock }]) },
      { canvas: [{ type: "line", x1: 0, y1: 12, x2: CONTENT, y2: 12, lineWidth: 0.8, lineColor: COLORS.rule }], margin: [0, 0, 0, 14] },
      { stack: billTo, margin: [0, 0, 0, 16] },
      itemsTable,
      { text: " ", fontSize: 6 },
      totalsTable,
      ...payment,
    ],
    footer: (page: number, pages: number) => ({
      margin: [MARGIN, 16, MARGIN, 0],
      columns: w.row([
        { width: "*", ...(seller.support_email ? w.paragraph(m.questions(seller.support_email), CONTENT - 110, { size: 8, color: COLORS.muted }) : { text: "" }) },
        { width: 100, ...w.paragraph(m.page(page, pages), 100, { size: 8, color: COLORS.muted }, "end") },
      ]),
    }),
  }
}

/** Renders one invoice to a PDF. */
export async function renderInvoicePdf(input: InvoicePdfInput): Promise<Buffer> {
  const files = fontFileSystem()
  const urls = new URLResolver(files)
  // Nothing is fetched while rendering: the logo arrives as bytes, fonts from memory.
  urls.setUrlAccessPolicy(() => false)
  const printer = new PdfPrinter(fontDescriptors(), files, urls, () => false)
  const document = await printer.createPdfKitDocument(invoiceDocument(input) as unknown as Record<string, unknown>)
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    document.on("data", (chunk: Buffer) => chunks.push(chunk))
    document.on("end", () => resolve(Buffer.concat(chunks)))
    document.on("error", reject)
    document.end()
  })
}

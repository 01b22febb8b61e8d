/** The words printed on an invoice, in each language the portal speaks. */

export type InvoicePdfLocale = "en" | "ar"

export const INVOICE_PDF_LOCALES: readonly InvoicePdfLocale[] = ["en", "ar"]

export type InvoicePdfMessages = {
  invoice: string
  number: string
  issuedOn: string
  paidOn: string
  voidedOn: string
  status: string
  statuses: Record<"open" | "paid" | "void" | "uncollectible", string>
  from: string
  billTo: string
  taxId: string
  description: string
  quantity: string
  unitPrice: string
  amount: string
  shipping: string
  subtotal: string
  discounts: string
  tax: string
  total: string
  amountDue: string
  paymentMethod: string
  payment: string
  sources: Record<"order" | "renewal" | "dues", string>
  questions: (email: string) => string
  page: (page: number, pages: number) => string
}

export const INVOICE_PDF_MESSAGES: Record<InvoicePdfLocale, InvoicePdfMessages> = {
  en: {
    invoice: "Invoice",
    number: "Invoice number",
    issuedOn: "Issued on",
    paidOn: "Paid on",
    voidedOn: "Voided on",
    status: "Status",
    statuses: { open: "Open", paid: "Paid", void: "Void", uncollectible: "Uncollectible" },
    from: "From",
    billTo: "Bill to",
    taxId: "Tax ID",
    description: "Description",
    quantity: "Qty",
    unitPrice: "Unit price",
    amount: "Amount",
    shipping: "Shipping",
    subtotal: "Subtotal",
    discounts: "Discounts",
    tax: "Tax",
    total: "Total",
    amountDue: "Amount due",
    paymentMethod: "Payment method",
    payment: "Payment",
    sources: { order: "Order", renewal: "Subscription renewal", dues: "Outstanding dues" },
    questions: (email) => `Questions about this invoice? Write to ${email}.`,
    page: (page, pages) => `Page ${page} of ${pages}`,
  },
  ar: {
    invoice: "فاتورة",
    number: "رقم الفاتورة",
    issuedOn: "تاريخ الإصدار",
    paidOn: "تاريخ الدفع",
    voidedOn: "تاريخ الإلغاء",
    status: "الحالة",
    statuses: { open: "مستحقة", paid: "مدفوعة", void: "ملغاة", uncollectible: "غير قابلة للتحصيل" },
    from: "من",
    billTo: "إرسال الفاتورة إلى",
    taxId: "الرقم الضريبي",
    description: "الوصف",
    quantity: "الكمية",
    unitPrice: "سعر الوحدة",
    amount: "المبلغ",
    shipping: "الشحن",
    subtotal: "المجموع الفرعي",
    discounts: "الخصومات",
    tax: "الضريبة",
    total: "الإجمالي",
    amountDue: "المبلغ المستحق",
    paymentMethod: "طريقة الدفع",
    payment: "الدفع",
    sources: { order: "طلب", renewal: "تجديد الاشتراك", dues: "مستحقات متأخرة" },
    questions: (email) => `لديك سؤال عن هذه الفاتورة؟ راسلنا على ${email}`,
    page: (page, pages) => `الصفحة ${page} من ${pages}`,
  },
}

/** The invoice's language: the one asked for if the portal speaks it, else the fallback. */
export function invoicePdfLocale(requested: unknown, fallback: string | null | undefined): InvoicePdfLocale {
  for (const candidate of [requested, fallback]) {
    if (typeof candidate === "string" && (INVOICE_PDF_LOCALES as readonly string[]).includes(candidate)) {
      return candidate as InvoicePdfLocale
    }
  }
  return "en"
}

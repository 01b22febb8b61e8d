import { getTranslations } from "next-intl/server"
import type { AppLocale } from "@/i18n/routing"
import type { PortalInvoice } from "@/lib/portal/types"
import { Money } from "./money"

type Props = { locale: AppLocale; invoice: PortalInvoice }

/** Subtotal, discounts (as a negative), shipping, tax and total, lined up at the end. */
export async function InvoiceTotals({ locale, invoice }: Props) {
  const t = await getTranslations("Invoice")
  const rows: { key: "subtotal" | "discounts" | "shipping" | "tax"; amount: number }[] = [
    { key: "subtotal", amount: invoice.subtotal },
    ...(invoice.discount_total
      ? [{ key: "discounts" as const, amount: -Math.abs(invoice.discount_total) }]
      : []),
    { key: "shipping", amount: invoice.shipping_total },
    { key: "tax", amount: invoice.tax_total },
  ]

  return (
    <dl
      aria-label={t("summary")}
      className="txt-compact-small flex w-full flex-col gap-y-2 rounded-lg bg-ui-bg-base p-4 shadow-elevation-card-rest sm:ms-auto sm:max-w-sm"
    >
      {rows.map((row) => (
        <div key={row.key} className="flex justify-between gap-x-4">
          <dt className="text-ui-fg-subtle">{t(row.key)}</dt>
          <dd className="text-ui-fg-base">
            <Money amount={row.amount} currencyCode={invoice.currency_code} locale={locale} />
          </dd>
        </div>
      ))}
      <div className="txt-compact-medium-plus flex justify-between gap-x-4 border-t border-ui-border-base pt-2">
        <dt>{t("total")}</dt>
        <dd>
          <Money amount={invoice.total} currencyCode={invoice.currency_code} locale={locale} />
        </dd>
      </div>
    </dl>
  )
}

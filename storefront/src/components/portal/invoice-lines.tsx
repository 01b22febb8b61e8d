import { Heading, Text } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import type { AppLocale } from "@/i18n/routing"
import type { PortalInvoiceLine } from "@/lib/portal/types"
import { Money } from "./money"

type Props = {
  locale: AppLocale
  currencyCode: string
  lines: PortalInvoiceLine[]
}

const CELL = "px-4 py-3 align-top"

/**
 * The invoice's lines. On a narrow screen the table scrolls sideways inside its card (the
 * region takes focus, so a keyboard can scroll it too) rather than widening the page.
 */
export async function InvoiceLines({ locale, currencyCode, lines }: Props) {
  const t = await getTranslations("Invoice")
  const format = (amount: number) => (
    <Money amount={amount} currencyCode={currencyCode} locale={locale} />
  )

  return (
    <section aria-labelledby="invoice-items-heading" className="flex flex-col gap-y-3">
      <Heading level="h2" id="invoice-items-heading">
        {t("items")}
      </Heading>
      {lines.length === 0 ? (
        <Text className="text-ui-fg-subtle">{t("noItems")}</Text>
      ) : (
        <div
          role="region"
          aria-labelledby="invoice-items-heading"
          tabIndex={0}
          className="overflow-x-auto rounded-lg bg-ui-bg-base shadow-elevation-card-rest outline-none focus-visible:shadow-borders-focus"
        >
          <table className="txt-compact-small w-full min-w-[32rem] border-collapse text-start">
            <caption className="sr-only">{t("itemsTable")}</caption>
            <thead className="border-b border-ui-border-base text-ui-fg-subtle">
              <tr>
                <th scope="col" className={`${CELL} txt-compact-small-plus text-start`}>
                  {t("description")}
                </th>
                <th scope="col" className={`${CELL} txt-compact-small-plus text-end`}>
                  {t("quantity")}
                </th>
                <th scope="col" className={`${CELL} txt-compact-small-plus text-end`}>
                  {t("unitPrice")}
                </th>
                <th scope="col" className={`${CELL} txt-compact-small-plus text-end`}>
                  {t("amount")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-ui-border-base text-ui-fg-base">
              {lines.map((line, index) => (
                <tr key={index}>
                  <th scope="row" className={`${CELL} text-start font-normal`}>
                    {line.kind === "shipping" && (
                      <span className="txt-compact-xsmall-plus me-2 rounded-full bg-ui-tag-neutral-bg px-2 py-0.5 text-ui-tag-neutral-text">
                        {t("shipping")}
                      </span>
                    )}
                    <bdi dir="auto" className="txt-compact-small-plus">{line.title}</bdi>
                    {line.description && (
                      <span className="block text-ui-fg-subtle">
                        <bdi dir="auto">{line.description}</bdi>
                      </span>
                    )}
                  </th>
                  <td className={`${CELL} text-end tabular-nums`}>{line.quantity.toLocaleString(locale)}</td>
                  <td className={`${CELL} text-end`}>{format(line.unit_price)}</td>
                  <td className={`${CELL} text-end`}>{format(line.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

import { formatMinorUnitsToParts } from "@/lib/portal/money"

type Props = {
  /** In minor units (1999 = 19.99). */
  amount: number
  currencyCode: string
  locale: string
}

/**
 * An amount in minor units, formatted for the locale. The whole amount is isolated, so a
 * minus sign stays with its number in Arabic, and so is the currency, or "US$" turns into "$US".
 */
export function Money({ amount, currencyCode, locale }: Props) {
  const parts = formatMinorUnitsToParts(amount, currencyCode, locale)
  return (
    <bdi className="whitespace-nowrap tabular-nums">
      {parts.map((part, index) =>
        part.type === "currency" ? <bdi key={index}>{part.value}</bdi> : part.value
      )}
    </bdi>
  )
}

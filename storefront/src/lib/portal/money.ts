/**
 * Amounts the backend sends in minor units (1999 = 19.99 USD, 1999 = 1999 JPY). The number of
 * minor digits is the currency's own, as Intl knows it.
 */

function currencyFormatter(locale: string, currencyCode: string): Intl.NumberFormat | null {
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency: currencyCode.toUpperCase(),
    })
  } catch {
    // An unknown currency code must not take a whole page down.
    return null
  }
}

/** How many minor digits the currency has (2 for USD, 0 for JPY, 3 for KWD). */
function minorDigits(currencyCode: string): number {
  return currencyFormatter("en", currencyCode)?.resolvedOptions().maximumFractionDigits ?? 2
}

/** An amount in minor units as major units: `fromMinorUnits(1999, "usd")` is 19.99. */
export function fromMinorUnits(amount: number, currencyCode: string): number {
  return amount / 10 ** minorDigits(currencyCode)
}

/**
 * The formatted amount as Intl parts, so a component can isolate the currency symbol
 * (or "US$" turns into "$US" in Arabic). An unknown currency gives one literal part.
 */
export function formatMinorUnitsToParts(
  amount: number,
  currencyCode: string,
  locale: string
): Intl.NumberFormatPart[] {
  const major = fromMinorUnits(amount, currencyCode)
  const formatter = currencyFormatter(locale, currencyCode)
  if (!formatter) {
    return [{ type: "literal", value: `${major} ${currencyCode.toUpperCase()}` }]
  }
  return formatter.formatToParts(major)
}

/** The formatted amount as plain text, e.g. for an attribute. */
export function formatMinorUnits(amount: number, currencyCode: string, locale: string): string {
  return formatMinorUnitsToParts(amount, currencyCode, locale)
    .map((part) => part.value)
    .join("")
}

import { MathBN } from "@medusajs/framework/utils"

/** A number, a decimal string, or one of Medusa's BigNumber values (as Query returns them). */
type Amount = number | string | object | null | undefined

const HALF_UP = 4 // bignumber.js ROUND_HALF_UP

/** How many digits the currency's minor unit has: 2 for USD, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(currencyCode: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currencyCode.toUpperCase() }).resolvedOptions()
      .maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/**
 * A BigNumber from Query may come from another copy of Medusa's utils than the
 * one imported here, so read its value through its JSON form, not `instanceof`.
 */
function plain(amount: object | number | string): number | string {
  if (typeof amount !== "object") return amount
  const json = typeof (amount as { toJSON?: unknown }).toJSON === "function" ? (amount as { toJSON(): unknown }).toJSON() : amount
  if (typeof json === "number" || typeof json === "string") return json
  const raw = (json as { value?: unknown; numeric?: unknown }).value ?? (json as { numeric?: unknown }).numeric
  if (typeof raw === "number" || typeof raw === "string") return raw
  throw new Error(`Not an amount: ${JSON.stringify(amount)}`)
}

/**
 * Medusa keeps amounts in major units with arbitrary precision (19.99, or
 * 3.3333… for a share of tax); invoices keep whole minor units. Rounds half
 * up, in decimal arithmetic — never through a float.
 */
export function toMinorUnits(amount: Amount, currencyCode: string): number {
  if (amount === null || amount === undefined) {
    return 0
  }
  const value = MathBN.convert(plain(amount))
  const scaled = MathBN.mult(value, MathBN.convert(10).pow(minorUnitDigits(currencyCode)))
  return Number(scaled.integerValue(HALF_UP).toString())
}

/** A quantity or amount from Query as a plain number (for display and counts, not for money sums). */
export function amountToNumber(amount: Amount): number {
  return amount === null || amount === undefined ? 0 : Number(MathBN.convert(plain(amount)).toString())
}

/** Whole minor units as an exact decimal string in major units: 1999 USD → "19.99", 1500 JPY → "1500". */
export function minorUnitsToDecimal(minor: number, currencyCode: string): string {
  const digits = minorUnitDigits(currencyCode)
  return MathBN.convert(minor).dividedBy(MathBN.convert(10).pow(digits)).toFixed(digits)
}

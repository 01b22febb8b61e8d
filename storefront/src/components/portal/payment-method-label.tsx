import { useTranslations } from "next-intl"
import type { ReactNode } from "react"

/** Card networks by the names printed on the cards; anything else is shown as the provider sends it. */
const BRAND_NAMES: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  american_express: "American Express",
  discover: "Discover",
  diners: "Diners Club",
  diners_club: "Diners Club",
  jcb: "JCB",
  unionpay: "UnionPay",
  mada: "mada",
  maestro: "Maestro",
}

/** What the label needs of a method: a saved one may lack any of it. */
export type PaymentMethodLike = {
  brand: string | null
  last4: string | null
  exp_month: number | null
  exp_year: number | null
}

/**
 * "Visa •••• 4242, expires 12/2029", or the sentence for no method. A screen reader hears
 * "Visa card ending in 4242" instead of the dots. The card's numbers stay Latin, as printed.
 * Renders in server and client components alike.
 */
export function PaymentMethodLabel({ method }: { method: PaymentMethodLike | null }) {
  const t = useTranslations("PaymentMethod")
  if (!method) {
    return t("none")
  }
  if (!method.last4) {
    return t("savedCard")
  }
  // A provider that cannot tell the network says "card", or nothing: the messages then say "Card".
  const brand = method.brand && method.brand.trim().toLowerCase() !== "card" ? brandName(method.brand) : "unknown"
  const values = { brand, last4: method.last4 }
  const hasExpiry = method.exp_month !== null && method.exp_year !== null

  return (
    <>
      {/* dir="ltr": brand, dots and digits keep their order inside the Arabic sentence. */}
      {hasExpiry ? (
        <>
          <span aria-hidden="true">
            {t.rich("card", { ...values, expiry: expiryOf(method), card: ltr, ltr })}
          </span>
          <span className="sr-only">{t("cardSpoken", { ...values, expiry: expiryOf(method) })}</span>
        </>
      ) : (
        <>
          <span aria-hidden="true">{t.rich("cardNoExpiry", { ...values, card: ltr })}</span>
          <span className="sr-only">{t("cardNoExpirySpoken", values)}</span>
        </>
      )}
    </>
  )
}

const ltr = (chunks: ReactNode) => <bdi dir="ltr">{chunks}</bdi>

function expiryOf(method: PaymentMethodLike): string {
  return `${String(method.exp_month).padStart(2, "0")}/${method.exp_year}`
}

function brandName(brand: string): string {
  const key = brand.trim().toLowerCase().replace(/[\s-]+/g, "_")
  return BRAND_NAMES[key] ?? brand.trim().replace(/_/g, " ")
}

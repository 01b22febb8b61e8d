import { getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import type { PortalPaymentMethod } from "@/lib/portal/types"

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

/**
 * "Visa •••• 4242, expires 12/2029", or the sentence for no method. A screen reader hears
 * "Visa card ending in 4242" instead of the dots. The card's numbers stay Latin, as printed.
 */
export async function PaymentMethodLabel({ method }: { method: PortalPaymentMethod | null }) {
  const t = await getTranslations("PaymentMethod")
  if (!method) {
    return t("none")
  }
  const values = {
    brand: brandName(method.brand),
    last4: method.last4,
    expiry: `${String(method.exp_month).padStart(2, "0")}/${method.exp_year}`,
  }

  return (
    <>
      {/* dir="ltr": brand, dots and digits keep their order inside the Arabic sentence. */}
      <span aria-hidden="true">
        {t.rich("card", { ...values, card: ltr, ltr })}
      </span>
      <span className="sr-only">{t("cardSpoken", values)}</span>
    </>
  )
}

const ltr = (chunks: ReactNode) => <bdi dir="ltr">{chunks}</bdi>

function brandName(brand: string): string {
  const key = brand.trim().toLowerCase().replace(/[\s-]+/g, "_")
  return BRAND_NAMES[key] ?? brand.trim().replace(/_/g, " ")
}

import { getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import { Link } from "@/i18n/navigation"
import type { PortalBusiness } from "@/lib/portal/types"
import { LanguageSwitch } from "./language-switch"

type Props = {
  business: PortalBusiness | null
  /** A second row, for the signed-in customer's navigation. */
  children?: ReactNode
}

export async function PortalHeader({ business, children }: Props) {
  const t = await getTranslations("PortalLayout")
  const title = business?.name ?? t("defaultTitle")
  const logoUrl = safeHttpUrl(business?.logo_url)
  const returnUrl = safeHttpUrl(business?.return_url)

  return (
    <header className="border-b border-ui-border-base bg-ui-bg-base">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-x-4 px-4 py-3 sm:px-6">
        <Link
          href="/portal"
          className="flex min-w-0 items-center gap-x-3 rounded-md outline-none focus-visible:shadow-borders-focus"
        >
          {logoUrl && (
            // The store's logo comes from any host the merchant chose: next/image would need each one allow-listed.
            <img src={logoUrl} alt="" className="h-8 w-auto max-w-[8rem] shrink-0 object-contain" />
          )}
          {/* dir="auto": a Latin store name in the Arabic page keeps its start, and is cut at its end. */}
          <span dir="auto" className="txt-compact-medium-plus truncate text-ui-fg-base">
            {title}
          </span>
        </Link>
        <div className="flex shrink-0 items-center gap-x-3">
          {returnUrl && (
            <a href={returnUrl} className="txt-compact-small text-ui-fg-subtle underline-offset-2 hover:underline focus-visible:shadow-borders-focus rounded-md outline-none">
              {t("backToStore")}
            </a>
          )}
          <LanguageSwitch />
        </div>
      </div>
      {children && (
        <div className="border-t border-ui-border-base">
          <div className="mx-auto flex max-w-5xl items-center justify-between gap-x-3 px-4 py-2 sm:px-6">
            {children}
          </div>
        </div>
      )}
    </header>
  )
}

/** An http(s) URL from the merchant's settings, or null: nothing else becomes a link or an image. */
function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) {
    return null
  }
  try {
    const url = new URL(value)
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null
  } catch {
    return null
  }
}

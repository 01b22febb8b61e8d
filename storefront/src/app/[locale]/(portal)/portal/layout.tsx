import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import { getBusiness, getPortalConfig } from "@/lib/portal"

export async function generateMetadata(): Promise<Metadata> {
  const { businessId } = await getPortalConfig()
  const business = businessId ? await getBusiness(businessId) : null
  if (!business) {
    return {}
  }
  const t = await getTranslations("Metadata")
  return { title: t("titleWithStore", { store: business.name }) }
}

// Banner, header and main come from each page's PortalShell: which store they show depends on the page.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("PortalLayout")

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#content"
        className="txt-compact-small-plus sr-only rounded-md bg-ui-bg-base px-3 py-2 text-ui-fg-base shadow-elevation-flyout focus:not-sr-only focus:fixed focus:start-4 focus:top-4 focus:z-50"
      >
        {t("skipToContent")}
      </a>
      {children}
    </div>
  )
}

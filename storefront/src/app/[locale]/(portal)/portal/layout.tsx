import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import { PortalHeader } from "@/components/portal/portal-header"
import { TestModeBanner } from "@/components/portal/test-mode-banner"
import { getBusiness, getPortalConfig } from "@/lib/portal"

async function getConfiguredBusiness() {
  const { businessId } = await getPortalConfig()
  return businessId ? getBusiness(businessId) : null
}

export async function generateMetadata(): Promise<Metadata> {
  const business = await getConfiguredBusiness()
  if (!business) {
    return {}
  }
  const t = await getTranslations("Metadata")
  return { title: t("titleWithStore", { store: business.name }) }
}

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("PortalLayout")
  const business = await getConfiguredBusiness()

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#content"
        className="txt-compact-small-plus sr-only rounded-md bg-ui-bg-base px-3 py-2 text-ui-fg-base shadow-elevation-flyout focus:not-sr-only focus:fixed focus:start-4 focus:top-4 focus:z-50"
      >
        {t("skipToContent")}
      </a>
      {business?.mode === "test" && <TestModeBanner />}
      <PortalHeader business={business} />
      <main
        id="content"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 outline-none sm:px-6 sm:py-12"
      >
        {children}
      </main>
    </div>
  )
}

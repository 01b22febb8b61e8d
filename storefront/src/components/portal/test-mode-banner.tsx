import { getTranslations } from "next-intl/server"

export async function TestModeBanner() {
  const t = await getTranslations("PortalLayout")

  return (
    <div
      role="note"
      className="border-b border-ui-tag-orange-border bg-ui-tag-orange-bg text-ui-tag-orange-text"
    >
      <p className="txt-compact-small mx-auto flex max-w-5xl flex-wrap items-center gap-x-2 gap-y-1 px-4 py-2 text-start sm:px-6">
        <strong className="txt-compact-xsmall-plus rounded-full border border-ui-tag-orange-border bg-ui-bg-base px-2 py-0.5">
          {t("testMode")}
        </strong>
        <span>{t("testModeDescription")}</span>
      </p>
    </div>
  )
}

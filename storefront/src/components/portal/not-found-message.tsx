import { Heading, Text } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import type { AppLocale } from "@/i18n/routing"

type Props = { locale: AppLocale }

export async function NotFoundMessage({ locale }: Props) {
  const t = await getTranslations({ locale, namespace: "NotFound" })

  return (
    <div className="mx-auto flex max-w-xl flex-col items-start gap-y-3 px-4 py-16 text-start">
      <Heading level="h1">{t("title")}</Heading>
      <Text className="text-ui-fg-subtle">{t("description")}</Text>
      {/* A plain link: the app-wide not-found page renders outside the i18n client provider. */}
      <a
        href={`/${locale}/portal`}
        className="txt-compact-small-plus text-ui-fg-base underline underline-offset-2 hover:text-ui-fg-interactive"
      >
        {t("backToPortal")}
      </a>
    </div>
  )
}

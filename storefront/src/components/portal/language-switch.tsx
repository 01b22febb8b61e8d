"use client"

import { clx } from "@medusajs/ui"
import { useLocale, useTranslations } from "next-intl"
import { Link, usePathname } from "@/i18n/navigation"
import { routing } from "@/i18n/routing"

export function LanguageSwitch() {
  const t = useTranslations("LanguageSwitch")
  const current = useLocale()
  const pathname = usePathname()

  return (
    <nav aria-label={t("label")} className="shrink-0">
      <ul className="flex items-center gap-x-1">
        {routing.locales.map((locale) => {
          const active = locale === current
          return (
            <li key={locale}>
              <Link
                href={pathname}
                locale={locale}
                lang={locale}
                hrefLang={locale}
                aria-current={active ? "true" : undefined}
                className={clx(
                  "txt-compact-small-plus block rounded-md px-2 py-1.5 outline-none transition-colors",
                  "focus-visible:shadow-borders-focus",
                  active
                    ? "bg-ui-bg-component text-ui-fg-base"
                    : "text-ui-fg-subtle hover:bg-ui-bg-base-hover hover:text-ui-fg-base"
                )}
              >
                {t(locale)}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}

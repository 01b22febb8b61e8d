import { defineRouting } from "next-intl/routing"
import { DEFAULT_LOCALE, LOCALES, type AppLocale } from "./locales"

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: "always",
  // The locale comes from the URL (links the store emails carry one), never from the
  // browser or a cookie, so no NEXT_LOCALE cookie is needed either.
  localeDetection: false,
  localeCookie: false,
})

export type { AppLocale }

const rtlLocales: ReadonlySet<AppLocale> = new Set(["ar"])

export function directionOf(locale: AppLocale): "ltr" | "rtl" {
  return rtlLocales.has(locale) ? "rtl" : "ltr"
}

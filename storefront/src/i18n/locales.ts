/**
 * The portal's languages. `routing.ts` builds next-intl's routing from them; code that must not
 * load Next (redirect targets, their tests) checks a locale against this list instead.
 */
export const LOCALES = ["en", "ar"] as const

export type AppLocale = (typeof LOCALES)[number]

export const DEFAULT_LOCALE: AppLocale = "en"

/** The same test as next-intl's `hasLocale`: an exact match, never a decoded or trimmed one. */
export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value)
}

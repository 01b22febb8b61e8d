import { hasLocale } from "next-intl"
import { getRequestConfig } from "next-intl/server"
import { catalogue } from "./catalogue"
import { routing } from "./routing"

export default getRequestConfig(async ({ locale: explicit, requestLocale }) => {
  const requested = explicit ?? (await requestLocale)
  const locale = hasLocale(routing.locales, requested)
    ? requested
    : routing.defaultLocale

  return { locale, messages: catalogue[locale] }
})

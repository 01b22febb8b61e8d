import type { Messages } from "@/i18n/catalogue"
import type { AppLocale } from "@/i18n/routing"

declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale
    Messages: Messages
  }
}

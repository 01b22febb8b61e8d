import type { Metadata } from "next"
import { hasLocale, NextIntlClientProvider } from "next-intl"
import { getTranslations } from "next-intl/server"
import { notFound } from "next/navigation"
import type { ReactNode } from "react"
import { clientMessages } from "@/i18n/catalogue"
import { directionOf, routing } from "@/i18n/routing"

type Props = {
  children: ReactNode
  params: Promise<{ locale: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) {
    return {}
  }
  const t = await getTranslations({ locale, namespace: "Metadata" })
  return { title: t("title"), description: t("description") }
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) {
    notFound()
  }

  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-dvh">
        <NextIntlClientProvider messages={clientMessages(locale)}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  )
}

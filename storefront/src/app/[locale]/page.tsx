import { routing } from "@/i18n/routing"
import { hasLocale } from "next-intl"
import { notFound } from "next/navigation"
import { redirectToPortal } from "@/lib/portal/redirect-to-portal"

type Props = { params: Promise<{ locale: string }> }

export default async function LocaleIndex({ params }: Props) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) {
    notFound()
  }
  redirectToPortal(locale, "/portal")
}

import { NotFoundMessage } from "@/components/portal/not-found-message"
import { directionOf, routing } from "@/i18n/routing"

// Reached when the URL has no known locale, so the default one is used.
export default function GlobalNotFound() {
  const locale = routing.defaultLocale

  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-dvh">
        <NotFoundMessage locale={locale} />
      </body>
    </html>
  )
}

import { Button, Heading, Text } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import { Link } from "@/i18n/navigation"
import { getBusiness, getPortalConfig } from "@/lib/portal"

export default async function PortalEntryPage() {
  const t = await getTranslations("PortalEntry")
  const { businessId } = await getPortalConfig()
  const business = businessId ? await getBusiness(businessId) : null
  const supportEmail = business?.support_email

  return (
    <section
      aria-labelledby="portal-entry-heading"
      className="flex max-w-xl flex-col items-start gap-y-4 text-start"
    >
      <Heading level="h1" id="portal-entry-heading">
        {t("heading")}
      </Heading>
      <Text className="text-ui-fg-subtle">{t("intro")}</Text>
      <Text className="text-ui-fg-subtle">{t("howToSignIn")}</Text>
      {businessId && (
        <Button asChild variant="primary" size="large" className="mt-2">
          <Link href={`/portal/login/${encodeURIComponent(businessId)}`}>
            {t("signInLink")}
          </Link>
        </Button>
      )}
      {supportEmail && (
        <Text size="small" className="text-ui-fg-subtle">
          {t.rich("support", {
            address: supportEmail,
            email: (chunks) => (
              // dir="ltr" isolates the address, so it keeps its order inside Arabic text.
              <a href={`mailto:${supportEmail}`} dir="ltr" className="text-ui-fg-base underline underline-offset-2 hover:text-ui-fg-interactive">
                {chunks}
              </a>
            ),
          })}
        </Text>
      )}
    </section>
  )
}

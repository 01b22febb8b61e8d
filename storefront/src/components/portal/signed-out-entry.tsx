import { Button, Heading, Text } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import { Link } from "@/i18n/navigation"
import type { PortalBusiness } from "@/lib/portal/types"
import { SupportLine } from "./support-line"

type Props = {
  /** The static login page, when a business is configured. */
  signInHref: string | null
  business: PortalBusiness | null
}

export async function SignedOutEntry({ signInHref, business }: Props) {
  const t = await getTranslations("PortalEntry")

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
      {signInHref && (
        <Button asChild variant="primary" size="large" className="mt-2">
          <Link href={signInHref}>{t("signInLink")}</Link>
        </Button>
      )}
      <SupportLine email={business?.support_email} />
    </section>
  )
}

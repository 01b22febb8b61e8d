import { Alert, Heading, Text } from "@medusajs/ui"
import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { notFound } from "next/navigation"
import { FailureMessage } from "@/components/portal/failure-message"
import { LoginForm } from "@/components/portal/login-form"
import { PortalShell } from "@/components/portal/portal-shell"
import { SupportLine } from "@/components/portal/support-line"
import { lookUpBusiness } from "@/lib/portal"
import { requestLoginLinkAction } from "../../actions"

type Props = {
  params: Promise<{ locale: string; business_id: string }>
  searchParams: Promise<{ mode?: string | string[] }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lookup = await lookUpBusiness((await params).business_id)
  if (lookup.status !== "found") {
    return {}
  }
  const t = await getTranslations("Metadata")
  return { title: t("titleWithStore", { store: lookup.business.name }) }
}

/** The static login page of one business (A1): it never expires and never says whether an email is known (A6). */
export default async function LoginPage({ params, searchParams }: Props) {
  const { business_id } = await params
  // The static link's test-mode form carries ?mode=test (A2); the live form follows the store's mode.
  const testForm = (await searchParams).mode === "test"
  const lookup = await lookUpBusiness(business_id)
  if (lookup.status === "unknown") {
    notFound()
  }
  const t = await getTranslations("Login")
  const business = lookup.status === "found" ? lookup.business : null

  return (
    <PortalShell business={business} testMode={testForm || business?.mode === "test"}>
      <section
        aria-labelledby="login-heading"
        className="flex max-w-md flex-col items-start gap-y-4 text-start"
      >
        <Heading level="h1" id="login-heading">
          {t("heading")}
        </Heading>
        <Text className="text-ui-fg-subtle">{t("intro")}</Text>
        <Text className="text-ui-fg-subtle">{t("useEmailYouBoughtWith")}</Text>
        <div className="mt-2 w-full">
          {business ? (
            <LoginForm action={requestLoginLinkAction.bind(null, business.business_id, testForm ? "test" : undefined)} />
          ) : (
            <Alert variant="error">
              <FailureMessage failure={{ kind: "unreachable" }} />
            </Alert>
          )}
        </div>
        <SupportLine email={business?.support_email} />
      </section>
    </PortalShell>
  )
}

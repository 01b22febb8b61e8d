import { Alert } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import { notFound } from "next/navigation"
import { FailureMessage } from "@/components/portal/failure-message"
import { BackLink, InvoiceDetail } from "@/components/portal/invoice-detail"
import { PortalShell } from "@/components/portal/portal-shell"
import { getInvoice, isFetchError, toFailure } from "@/lib/portal"
import { signOutAction } from "../../actions"
import { loadWithSession, requireSession } from "../signed-in"

type Props = { params: Promise<{ locale: string; id: string }> }

export default async function InvoicePage({ params }: Props) {
  const { locale, id } = await params
  const session = await requireSession(locale)
  const [me, invoice] = await loadWithSession(session, () => getInvoice(session.token, id))

  if (invoice.status === "rejected" && isFetchError(invoice.reason) && invoice.reason.status === 404) {
    // Someone else's invoice and one that does not exist look the same: see not-found.tsx.
    notFound()
  }
  const t = await getTranslations("Invoice")

  return (
    <PortalShell
      business={session.business}
      testMode={me.status === "fulfilled" ? me.value.session.mode === "test" : undefined}
      signOutAction={signOutAction}
    >
      {invoice.status === "fulfilled" ? (
        <InvoiceDetail locale={session.locale} invoice={invoice.value.invoice} />
      ) : (
        <div className="flex flex-col gap-y-6 text-start">
          <BackLink label={t("backToBilling")} />
          <Alert variant="error" className="max-w-xl">
            <FailureMessage failure={toFailure(invoice.reason)} />
          </Alert>
        </div>
      )}
    </PortalShell>
  )
}

import { Button, clx, Input, Label } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import { getPathname } from "@/i18n/navigation"
import type { AppLocale } from "@/i18n/routing"
import type { PortalInvoiceFilters } from "@/lib/portal/types"

const STATUSES = ["open", "paid", "void"] as const

// Medusa's Select is not a form control a plain GET form can send, so this is a native one in Medusa's field style.
const SELECT_CLASSES = clx(
  "txt-compact-small h-10 w-full rounded-md bg-ui-bg-field px-2 text-ui-fg-base shadow-borders-base outline-none",
  "hover:bg-ui-bg-field-hover focus-visible:shadow-borders-interactive-with-active"
)

type Props = { locale: AppLocale; filters: PortalInvoiceFilters }

/** A GET form: it works without JavaScript, and the filtered list has an address to share. */
export async function BillingFilters({ locale, filters }: Props) {
  const t = await getTranslations("Billing.filters")
  const statusLabel = await getTranslations("InvoiceStatus")
  const action = getPathname({ href: "/portal/billing", locale })

  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={t("label")}
      className="grid grid-cols-2 gap-3 rounded-lg bg-ui-bg-base p-4 shadow-elevation-card-rest sm:flex sm:flex-wrap sm:items-end"
    >
      <div className="col-span-2 flex flex-col gap-y-1.5 sm:w-40">
        <Label htmlFor="billing-status" size="small" weight="plus">
          {t("status")}
        </Label>
        <select
          id="billing-status"
          name="status"
          defaultValue={filters.status ?? ""}
          className={SELECT_CLASSES}
        >
          <option value="">{t("all")}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <DateField id="billing-from" name="from" label={t("from")} value={filters.from} />
      <DateField id="billing-to" name="to" label={t("to")} value={filters.to} />
      <Button type="submit" variant="secondary" className="col-span-2 h-10 sm:w-fit">
        {t("apply")}
      </Button>
    </form>
  )
}

type DateFieldProps = { id: string; name: string; label: string; value: string | undefined }

function DateField({ id, name, label, value }: DateFieldProps) {
  return (
    <div className="flex min-w-0 flex-col gap-y-1.5 sm:w-44">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      <Input id={id} name={name} type="date" defaultValue={value ?? ""} className="h-10 min-w-0" />
    </div>
  )
}

import { clx, Text } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"
import { Link } from "@/i18n/navigation"
import type { PortalInvoiceFilters } from "@/lib/portal/types"

type Props = {
  filters: PortalInvoiceFilters
  count: number
  limit: number
  offset: number
  /** The list's page; billing history unless given. */
  pathname?: string
  /** The navigation's name, when "Pages" alone would not say which list it pages through. */
  label?: string
  /** The id of the list's section, so a new page opens at the list rather than at the top. */
  hash?: string
}

const CONTROL =
  "txt-compact-small-plus rounded-md px-3 py-2 shadow-buttons-neutral outline-none focus-visible:shadow-borders-focus"

/** Previous/Next through `offset`, keeping the filters in the address. */
export async function BillingPagination({
  filters,
  count,
  limit,
  offset,
  pathname = "/portal/billing",
  label,
  hash,
}: Props) {
  const t = await getTranslations("Billing.pagination")
  const pages = Math.max(1, Math.ceil(count / limit))
  const page = Math.min(pages, Math.floor(offset / limit) + 1)
  if (pages <= 1 && offset === 0) {
    return null
  }

  const hrefFor = (target: number) => ({
    pathname,
    ...(hash ? { hash } : {}),
    query: {
      ...Object.fromEntries(Object.entries(filters).filter(([, value]) => Boolean(value))),
      ...(target > 0 ? { offset: String(target) } : {}),
    },
  })
  const previous = offset > 0 ? Math.max(0, Math.min(offset - limit, (pages - 1) * limit)) : null
  const next = offset + limit < count ? offset + limit : null

  return (
    <nav aria-label={label ?? t("label")} className="flex items-center justify-between gap-x-3">
      {previous === null ? (
        <span aria-disabled="true" className={clx(CONTROL, "text-ui-fg-disabled")}>
          {t("previous")}
        </span>
      ) : (
        <Link href={hrefFor(previous)} rel="prev" className={clx(CONTROL, "bg-ui-button-neutral text-ui-fg-base hover:bg-ui-button-neutral-hover")}>
          {t("previous")}
        </Link>
      )}
      <Text size="small" className="text-ui-fg-subtle">
        {t("pageOf", { page, pages })}
      </Text>
      {next === null ? (
        <span aria-disabled="true" className={clx(CONTROL, "text-ui-fg-disabled")}>
          {t("next")}
        </span>
      ) : (
        <Link href={hrefFor(next)} rel="next" className={clx(CONTROL, "bg-ui-button-neutral text-ui-fg-base hover:bg-ui-button-neutral-hover")}>
          {t("next")}
        </Link>
      )}
    </nav>
  )
}

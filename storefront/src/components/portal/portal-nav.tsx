"use client"

import { clx } from "@medusajs/ui"
import { useTranslations } from "next-intl"
import { Link, usePathname } from "@/i18n/navigation"

// The label key of each entry lives in the PortalNav namespace.
const items = [
  { href: "/portal", label: "overview" },
  { href: "/portal/subscriptions", label: "subscriptions" },
  { href: "/portal/license-keys", label: "licenseKeys" },
  { href: "/portal/billing", label: "billing" },
  { href: "/portal/profile", label: "profile" },
] as const

export function PortalNav() {
  const t = useTranslations("PortalNav")
  const pathname = usePathname()

  return (
    <nav aria-label={t("label")} className="-mx-1 min-w-0 flex-1">
      {/* Wraps onto a second line on narrow screens, so every section stays in sight. */}
      <ul className="flex flex-wrap items-center gap-1 p-1">
        {items.map((item) => {
          const active =
            pathname === item.href ||
            (item.href !== "/portal" && pathname.startsWith(`${item.href}/`))
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={clx(
                  "txt-compact-small-plus block whitespace-nowrap rounded-md px-3 py-2 outline-none transition-colors",
                  "focus-visible:shadow-borders-focus",
                  active
                    ? "bg-ui-bg-component text-ui-fg-base"
                    : "text-ui-fg-subtle hover:bg-ui-bg-base-hover hover:text-ui-fg-base"
                )}
              >
                {t(item.label)}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}

import { Text } from "@medusajs/ui"
import { getFormatter, getTranslations } from "next-intl/server"
import type { PortalActivity } from "@/lib/portal/types"

/** A browser string in a few words: "Safari on iPhone", "Chrome on Windows". */
export function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null
  const system = /iPhone/.test(userAgent)
    ? "iPhone"
    : /iPad/.test(userAgent)
      ? "iPad"
      : /Android/.test(userAgent)
        ? "Android"
        : /Windows/.test(userAgent)
          ? "Windows"
          : /Mac OS X|Macintosh/.test(userAgent)
            ? "Mac"
            : /CrOS/.test(userAgent)
              ? "ChromeOS"
              : /Linux/.test(userAgent)
                ? "Linux"
                : null
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent) || /iPhone|iPad/.test(userAgent)
          ? "Safari"
          : null
  if (browser && system) return `${browser} · ${system}`
  return browser ?? system ?? userAgent.slice(0, 40)
}

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const

/** The customer's recent activity, newest first: what happened, who did it, when and from where. */
export async function RecentActivity({ entries }: { entries: PortalActivity[] }) {
  const t = await getTranslations("Activity")
  const format = await getFormatter()
  if (!entries.length) {
    return <Text className="text-ui-fg-subtle">{t("empty")}</Text>
  }
  return (
    <ol className="divide-y divide-ui-border-base overflow-hidden rounded-lg bg-ui-bg-base shadow-elevation-card-rest">
      {entries.map((entry) => {
        const at = new Date(entry.at)
        const device = describeDevice(entry.device)
        return (
          <li key={entry.id} className="flex flex-col gap-y-1 px-4 py-3">
            <Text className="txt-compact-small-plus text-ui-fg-base">
              {t(`action.${entry.action}`)}
              {entry.by === "store" ? <span className="text-ui-fg-subtle"> · {t("byStore")}</span> : null}
            </Text>
            <Text className="txt-compact-small text-ui-fg-subtle">
              <time dateTime={at.toISOString()}>{format.dateTime(at, WHEN)}</time>
              {entry.ip ? (
                <>
                  {" · "}
                  {t("from")} <bdi dir="ltr">{entry.ip}</bdi>
                </>
              ) : null}
              {device ? (
                <>
                  {" · "}
                  <bdi dir="ltr">{device}</bdi>
                </>
              ) : null}
            </Text>
          </li>
        )
      })}
    </ol>
  )
}

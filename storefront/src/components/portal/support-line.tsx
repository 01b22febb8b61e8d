import { Text } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"

export async function SupportLine({ email }: { email: string | null | undefined }) {
  if (!email) {
    return null
  }
  const t = await getTranslations("PortalEntry")

  return (
    <Text size="small" className="text-ui-fg-subtle">
      {t.rich("support", {
        address: email,
        email: (chunks) => (
          // dir="ltr" isolates the address, so it keeps its order inside Arabic text.
          <a
            href={`mailto:${email}`}
            dir="ltr"
            className="rounded-sm text-ui-fg-base underline underline-offset-2 outline-none hover:text-ui-fg-interactive focus-visible:shadow-borders-focus"
          >
            {chunks}
          </a>
        ),
      })}
    </Text>
  )
}

import { Button } from "@medusajs/ui"
import { getTranslations } from "next-intl/server"

type Props = { action: () => Promise<void> }

export async function SignOutButton({ action }: Props) {
  const t = await getTranslations("Account")

  return (
    <form action={action} className="shrink-0">
      <Button type="submit" variant="secondary" size="base">
        {t("signOut")}
      </Button>
    </form>
  )
}

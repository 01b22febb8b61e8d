import { useLocale } from "next-intl"
import { NotFoundMessage } from "@/components/portal/not-found-message"

export default function LocaleNotFound() {
  return <NotFoundMessage locale={useLocale()} />
}

import { useTranslations } from "next-intl"
import type { PortalFailure } from "@/lib/portal/types"

/** The sentence for a failed call; renders in server and client components alike. */
export function FailureMessage({ failure }: { failure: PortalFailure }) {
  const t = useTranslations("PortalErrors")

  switch (failure.kind) {
    case "rate_limited":
      return failure.retryAfter
        ? t("rateLimited", { seconds: failure.retryAfter })
        : t("rateLimitedLater")
    case "unreachable":
      return t("unreachable")
    default:
      return t("unexpected")
  }
}

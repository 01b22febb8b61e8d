import en from "../../messages/en.json"
import ar from "../../messages/ar.json"
import type { AppLocale } from "./routing"

export type Messages = typeof en

// Typed against the English catalogue, so a key missing from another language fails the type check.
export const catalogue: Record<AppLocale, Messages> = { en, ar }

// Only these namespaces reach the browser; add one when a client component needs it.
const clientNamespaces = [
  "LanguageSwitch",
  "PortalNav",
  "PortalErrors",
  "Login",
  "AccessLink",
  "Billing",
  "SubscriptionActions",
  "PaymentMethod",
  "LicenseKeyActions",
  "Profile",
  "EmailVerification",
  "EmailConfirmation",
  "Activity",
] as const satisfies ReadonlyArray<keyof Messages>

type ClientMessages = Pick<Messages, (typeof clientNamespaces)[number]>

export function clientMessages(locale: AppLocale): ClientMessages {
  const messages = catalogue[locale]
  return Object.fromEntries(
    clientNamespaces.map((namespace) => [namespace, messages[namespace]])
  ) as ClientMessages
}

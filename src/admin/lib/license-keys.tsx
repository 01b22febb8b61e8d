import { Badge } from "@medusajs/ui"
import { sdk } from "./sdk"
import { formatDay } from "./invoices"
import type {
  AdminLicenseKey,
  AdminLicenseKeyDetail,
  AdminLicenseKeyQuery,
  LicenseKeyImportResult,
  LicenseKeyStatus,
  LicensePlan,
  LicensePlanInput,
} from "./types"

const withoutEmpty = (query: Record<string, unknown>) => Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ""))
const keyPath = (id: string) => `/admin/customer-portal/license-keys/${encodeURIComponent(id)}`

/** The plugin's license routes, with the admin's own session. */
export const licenseClient = {
  keys: {
    /** Every license key, newest first. */
    list: (query: AdminLicenseKeyQuery = {}) =>
      sdk.client.fetch<{ license_keys: AdminLicenseKey[]; count: number; limit: number; offset: number }>("/admin/customer-portal/license-keys", {
        query: withoutEmpty(query),
      }),
    /** One key with every activation, past ones included. */
    retrieve: async (id: string): Promise<AdminLicenseKeyDetail> =>
      (await sdk.client.fetch<{ license_key: AdminLicenseKeyDetail }>(keyPath(id))).license_key,
    /** The license API refuses a revoked key until it is enabled again. */
    revoke: (id: string) => sdk.client.fetch<{ license_key: AdminLicenseKey }>(`${keyPath(id)}/revoke`, { method: "POST" }),
    /** A revoked key takes the state its subscription gives it, or active. */
    enable: (id: string) => sdk.client.fetch<{ license_key: AdminLicenseKey }>(`${keyPath(id)}/enable`, { method: "POST" }),
    /** Brings keys sold elsewhere in from CSV text, as live keys unless `mode` is test; `dry_run` only checks it. */
    import: (body: { csv: string; dry_run: boolean; mode: "live" | "test" }) =>
      sdk.client.fetch<LicenseKeyImportResult>("/admin/customer-portal/license-keys/import", { method: "POST", body }),
  },
  plans: {
    list: (query: { product_variant_id?: string } = {}) =>
      sdk.client.fetch<{ license_plans: LicensePlan[]; count: number; limit: number; offset: number }>("/admin/customer-portal/license-plans", {
        query: withoutEmpty(query),
      }),
    /** Makes the variant issue license keys, or changes its terms; keys already issued keep theirs. */
    upsert: (body: LicensePlanInput) => sdk.client.fetch<{ license_plan: LicensePlan }>("/admin/customer-portal/license-plans", { method: "POST", body }),
    /** Stops issuing keys for the variant; keys already issued stay. */
    remove: (id: string) =>
      sdk.client.fetch<{ id: string; deleted: boolean }>(`/admin/customer-portal/license-plans/${encodeURIComponent(id)}`, { method: "DELETE" }),
  },
}

export const LICENSE_KEYS_KEY = ["customer-portal", "license-keys"]
export const licenseKeyKey = (id: string) => ["customer-portal", "license-key", id]
export const licensePlanKey = (variantId: string) => ["customer-portal", "license-plans", variantId]

const STATUS: Record<LicenseKeyStatus, { label: string; color: "green" | "orange" | "grey" | "red" }> = {
  active: { label: "Active", color: "green" },
  disabled: { label: "Disabled", color: "orange" },
  revoked: { label: "Revoked", color: "red" },
  expired: { label: "Expired", color: "grey" },
}

export const LICENSE_KEY_STATUSES = Object.entries(STATUS).map(([value, { label }]) => ({ value: value as LicenseKeyStatus, label }))

export const LicenseKeyStatusBadge = ({ status }: { status: LicenseKeyStatus }) => (
  <Badge size="2xsmall" color={STATUS[status].color}>
    {STATUS[status].label}
  </Badge>
)

/** What each status means for software checking the key. */
export const STATUS_HINT: Record<LicenseKeyStatus, string> = {
  active: "Software can activate and validate it.",
  disabled: "Refused until its subscription is paid; it is enabled again then.",
  revoked: "Refused until it is enabled again here.",
  expired: "Refused: its term or subscription has ended.",
}

export const formatDateTime = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso))

/** "2 / 3", "2 / ∞". */
export const activationsLabel = (key: Pick<AdminLicenseKey, "activations_used" | "activation_limit">) =>
  `${key.activations_used} / ${key.activation_limit ?? "∞"}`

/** The same, read out: "2 of 3 activations used", "2 activations used, unlimited". */
export const activationsSpoken = (key: Pick<AdminLicenseKey, "activations_used" | "activation_limit">) =>
  key.activation_limit === null
    ? `${key.activations_used} activation${key.activations_used === 1 ? "" : "s"} used, unlimited`
    : `${key.activations_used} of ${key.activation_limit} activations used`

/** "Lifetime", or the day the key stops working. */
export const expiresLabel = (key: Pick<AdminLicenseKey, "expires_at" | "subscription_id">) =>
  key.expires_at ? formatDay(key.expires_at) : key.subscription_id ? "With its subscription" : "Lifetime"

/** "3 activations · valid 365 days · keys start with ACME-". */
export function planTermsLabel(plan: Pick<LicensePlan, "activation_limit" | "validity_days" | "key_prefix">): string {
  const parts = [
    plan.activation_limit === null ? "Unlimited activations" : `${plan.activation_limit} activation${plan.activation_limit === 1 ? "" : "s"}`,
    plan.validity_days === null ? "lifetime" : `valid ${plan.validity_days} day${plan.validity_days === 1 ? "" : "s"}`,
  ]
  if (plan.key_prefix) parts.push(`keys start with ${plan.key_prefix}-`)
  return parts.join(" · ")
}

export type {
  AdminInvoice,
  AdminInvoiceQuery,
  AdminSubscription,
  Interval,
  SubscriptionPlan,
  SubscriptionStatus,
  BusinessAddress,
  InvoiceStatus,
  CustomerPortalSettings as AdminCustomerPortal,
  CustomerPortalSettingsResponse as AdminCustomerPortalResponse,
  PortalSessionLink,
} from "../../client"

export type LicenseKeyStatus = "active" | "disabled" | "revoked" | "expired"

/** Which variants come with license keys, one per unit sold. `null` limits mean unlimited / lifetime. */
export type LicensePlan = {
  id: string
  product_variant_id: string
  activation_limit: number | null
  validity_days: number | null
  key_prefix: string | null
}

export type LicensePlanInput = {
  product_variant_id: string
  /** null: unlimited activations; otherwise 1 to 100000. */
  activation_limit: number | null
  /** null: the key never expires; otherwise 1 to 36500 days. */
  validity_days: number | null
  /** 1 to 10 letters or digits, uppercased; null: keys without a prefix. */
  key_prefix: string | null
}

/** A license key as the merchant sees it: the whole key, its terms, owner and activations in use. */
export type AdminLicenseKey = {
  id: string
  key: string
  status: LicenseKeyStatus
  mode: "test" | "live"
  product_title: string
  product_variant_id: string | null
  customer_id: string
  customer_email: string | null
  order_id: string | null
  subscription_id: string | null
  activation_limit: number | null
  activations_used: number
  expires_at: string | null
  disabled_at: string | null
  revoked_at: string | null
  created_at: string
}

export type LicenseActivation = {
  id: string
  name: string | null
  activated_at: string
  last_validated_at: string | null
  deactivated_at: string | null
}

export type AdminLicenseKeyDetail = AdminLicenseKey & { activations: LicenseActivation[] }

export type AdminLicenseKeyQuery = {
  limit?: number
  offset?: number
  /** A key or a customer email, or its start. */
  q?: string
  status?: LicenseKeyStatus
  customer_id?: string
  mode?: "test" | "live"
}

/** What an import did, or with `dry_run` would do; `line` counts the header as line 1. */
export type LicenseKeyImportResult = {
  imported: number
  skipped: number
  errors: { line: number; message: string }[]
  dry_run: boolean
}

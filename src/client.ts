import type Medusa from "@medusajs/js-sdk"
import type { PortalActivityAction } from "./modules/customer-portal/models/portal-activity"

/**
 * A one-time portal link made for a customer (A5). `link` is null when it was
 * emailed: an emailed link proves the customer's address, so only their
 * mailbox gets it. A link handed over (`link`) shows only this customer
 * record until the customer confirms their address from the portal.
 */
export type PortalSessionLink =
  | { link: string; emailed: false; expires_at: string }
  | { link: null; emailed: true; expires_at: string }

/** One entry of a customer's portal audit trail. */
export type PortalActivityEntry = {
  id: string
  action: PortalActivityAction
  at: string
  /** `store`: an admin user (`admin_user_id`) or the merchant's server acted. */
  by: "customer" | "store" | "system"
  admin_user_id?: string | null
  ip: string | null
  device: string | null
  details: Record<string, unknown>
}

export type CreatePortalSessionOptions = {
  /** Email the link to the customer through the store's notification provider instead of answering it. */
  send_email?: boolean
  /** Language of the portal page the link opens, and of the email. */
  locale?: "en" | "ar"
}

/** The seller's details printed on invoices. */
export type BusinessAddress = {
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  province?: string | null
  postal_code?: string | null
  country_code?: string | null
  phone?: string | null
  tax_id?: string | null
}

export type CustomerPortalSettings = {
  business_id: string
  mode: "test" | "live"
  name: string
  logo_url: string | null
  accent_color: string | null
  support_email: string | null
  return_url: string | null
  default_locale: "en" | "ar"
  business_address: BusinessAddress | null
  allow_cancellation: boolean
  cancellation_mode: "immediately" | "period_end" | "both"
  allow_payment_method_update: boolean
  allow_profile_edit: boolean
  allow_license_deactivation: boolean
}

export type CustomerPortalSettingsResponse = {
  customer_portal: CustomerPortalSettings
  static_links: { test: string; live: string }
}

export type InvoiceStatus = "open" | "paid" | "void" | "uncollectible"

/** An invoice as the merchant sees it. Amounts are integer minor units of `currency_code`. */
export type AdminInvoice = {
  id: string
  number: string
  status: InvoiceStatus
  source_type: "order" | "renewal" | "dues"
  description: string | null
  currency_code: string
  subtotal: number
  discount_total: number
  shipping_total: number
  tax_total: number
  total: number
  issued_at: string
  paid_at: string | null
  voided_at: string | null
  mode: "test" | "live"
  customer_id: string
  customer_email: string
  customer_name: string | null
  order_id: string | null
  subscription_id: string | null
  payment_id: string | null
  /** The items' titles, in lists. */
  summary?: string
  /** With the detail only. */
  lines?: {
    kind: "item" | "shipping"
    title: string
    description: string | null
    quantity: number
    unit_price: number
    subtotal: number
    discount_total: number
    tax_total: number
    total: number
  }[]
}

export type AdminInvoiceQuery = {
  limit?: number
  offset?: number
  status?: InvoiceStatus
  customer_id?: string
  order_id?: string
  mode?: "test" | "live"
  /** An invoice number or customer email, or its start. */
  q?: string
  /** Issue dates, inclusive: `2026-01-01`. */
  from?: string
  to?: string
}

export type SubscriptionStatus = "active" | "on_hold" | "cancelled" | "expired"
export type Interval = "day" | "week" | "month" | "year"

/** A subscription as the merchant sees it. `amount` is integer minor units per period. */
export type AdminSubscription = {
  id: string
  customer_id: string
  product_variant_id: string
  order_id: string | null
  mode: "test" | "live"
  status: SubscriptionStatus
  plan_title: string
  quantity: number
  interval: Interval
  interval_count: number
  amount: number
  currency_code: string
  current_period_start: string
  current_period_end: string
  next_renewal_at: string | null
  cancel_at_period_end: boolean
  cancelled_at: string | null
  cancellation_reason: string | null
  cancellation_comment: string | null
  ended_at: string | null
  on_hold_since: string | null
  payment_method_brand: string | null
  payment_method_last4: string | null
  created_at: string
}

export type SubscriptionPlan = { id: string; product_variant_id: string; interval: Interval; interval_count: number }

type Fetcher = Pick<Medusa["client"], "fetch">

/**
 * A typed client for the plugin's admin routes, on top of `@medusajs/js-sdk`.
 * Give it an SDK authenticated as an admin user or with a secret API key:
 *
 *     const client = createCustomerPortalClient(new Medusa({ baseUrl, apiKey: process.env.MEDUSA_SECRET_KEY }))
 *     const session = await client.customers.customerPortal.create("cus_123")
 *     // redirect the customer to session.link
 */
export function createCustomerPortalClient(sdk: { client: Fetcher }) {
  const fetch = sdk.client.fetch.bind(sdk.client)
  const customerPath = (id: string) => `/admin/customers/${encodeURIComponent(id)}`
  return {
    customers: {
      customerPortal: {
        /** Creates a time-limited portal link for the customer, or emails one to them (`send_email`). */
        create: async (customerId: string, options: CreatePortalSessionOptions = {}): Promise<PortalSessionLink> => {
          const { portal_session } = await fetch<{ portal_session: PortalSessionLink }>(`${customerPath(customerId)}/portal-sessions`, {
            method: "POST",
            body: options,
          })
          return portal_session
        },
        /** The customer's portal audit trail, newest first: who did what, when, from where. */
        activity: (customerId: string, query: { limit?: number; offset?: number } = {}) =>
          fetch<{ activity: PortalActivityEntry[]; count: number; limit: number; offset: number }>(`${customerPath(customerId)}/portal-activity`, {
            query,
          }),
        /** Revokes every unused link and live session of the customer. */
        revokeAll: async (customerId: string): Promise<{ links: number; sessions: number }> => {
          const { revoked } = await fetch<{ revoked: { links: number; sessions: number } }>(
            `${customerPath(customerId)}/portal-access/revoke`,
            { method: "POST" }
          )
          return revoked
        },
      },
    },
    invoices: {
      /** Every invoice of the store, newest first. */
      list: (query: AdminInvoiceQuery = {}) =>
        fetch<{ invoices: AdminInvoice[]; count: number; limit: number; offset: number }>("/admin/customer-portal/invoices", {
          query: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== "")),
        }),
      retrieve: async (id: string): Promise<AdminInvoice> =>
        (await fetch<{ invoice: AdminInvoice }>(`/admin/customer-portal/invoices/${encodeURIComponent(id)}`)).invoice,
      /** Where the invoice's PDF downloads from (the admin's session cookie authorises it). */
      pdfPath: (id: string, locale?: "en" | "ar") =>
        `/admin/customer-portal/invoices/${encodeURIComponent(id)}/pdf${locale ? `?locale=${locale}` : ""}`,
    },
    subscriptions: {
      list: (query: { limit?: number; offset?: number; status?: SubscriptionStatus; customer_id?: string; product_variant_id?: string } = {}) =>
        fetch<{ subscriptions: AdminSubscription[]; count: number; limit: number; offset: number }>("/admin/customer-portal/subscriptions", {
          query: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== "")),
        }),
      retrieve: (id: string) =>
        fetch<{ subscription: AdminSubscription; invoices: AdminInvoice[] }>(`/admin/customer-portal/subscriptions/${encodeURIComponent(id)}`),
      cancel: (id: string, body: { when: "now" | "period_end"; reason?: string; comment?: string }) =>
        fetch<{ subscription: AdminSubscription }>(`/admin/customer-portal/subscriptions/${encodeURIComponent(id)}/cancel`, { method: "POST", body }),
      /** Charges an on-hold subscription's open invoice again with its current payment method. */
      retry: (id: string) =>
        fetch<{ subscription: AdminSubscription; invoice_id: string | null }>(`/admin/customer-portal/subscriptions/${encodeURIComponent(id)}/retry`, {
          method: "POST",
        }),
    },
    plans: {
      list: (query: { product_variant_id?: string } = {}) =>
        fetch<{ plans: SubscriptionPlan[]; count: number }>("/admin/customer-portal/plans", { query }),
      /** Sells the variant as a subscription (or changes its interval). */
      upsert: (body: { product_variant_id: string; interval: Interval; interval_count: number }) =>
        fetch<{ plan: SubscriptionPlan }>("/admin/customer-portal/plans", { method: "POST", body }),
      remove: (id: string) => fetch<{ id: string; deleted: boolean }>(`/admin/customer-portal/plans/${encodeURIComponent(id)}`, { method: "DELETE" }),
    },
    settings: {
      retrieve: () => fetch<CustomerPortalSettingsResponse>("/admin/customer-portal"),
      update: (body: Partial<Omit<CustomerPortalSettings, "business_id">>) =>
        fetch<CustomerPortalSettingsResponse>("/admin/customer-portal", { method: "POST", body }),
    },
  }
}

export type CustomerPortalClient = ReturnType<typeof createCustomerPortalClient>

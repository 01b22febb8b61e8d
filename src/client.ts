import type Medusa from "@medusajs/js-sdk"

/** A one-time portal link made for a customer (A5). */
export type PortalSessionLink = { link: string; expires_at: string }

export type CreatePortalSessionOptions = {
  /** Also email the link to the customer through the store's notification provider. */
  send_email?: boolean
  /** Language of the portal page the link opens, and of the email. */
  locale?: "en" | "ar"
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
        /** Creates a time-limited portal link for the customer; optionally emails it. */
        create: async (customerId: string, options: CreatePortalSessionOptions = {}): Promise<PortalSessionLink> => {
          const { portal_session } = await fetch<{ portal_session: PortalSessionLink }>(`${customerPath(customerId)}/portal-sessions`, {
            method: "POST",
            body: options,
          })
          return portal_session
        },
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
    settings: {
      retrieve: () => fetch<CustomerPortalSettingsResponse>("/admin/customer-portal"),
      update: (body: Partial<Omit<CustomerPortalSettings, "business_id">>) =>
        fetch<CustomerPortalSettingsResponse>("/admin/customer-portal", { method: "POST", body }),
    },
  }
}

export type CustomerPortalClient = ReturnType<typeof createCustomerPortalClient>

export type AdminCustomerPortal = {
  id: string
  business_id: string
  mode: "test" | "live"
  name: string
  support_email: string | null
  default_locale: string
}

export type AdminCustomerPortalResponse = {
  customer_portal: AdminCustomerPortal
  static_links: { test: string; live: string }
}

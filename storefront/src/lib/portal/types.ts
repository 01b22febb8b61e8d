import "server-only"

export type PortalMode = "test" | "live"

export type PortalBusiness = {
  business_id: string
  name: string
  logo_url: string | null
  accent_color: string | null
  mode: PortalMode
  support_email: string | null
  default_locale: string
}

/** `GET /store/portal/businesses/:business_id` */
export type PortalBusinessResponse = {
  business: PortalBusiness
}

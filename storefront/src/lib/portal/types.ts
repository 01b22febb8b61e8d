import "server-only"

export type PortalMode = "test" | "live"

export type PortalBusiness = {
  business_id: string
  name: string
  logo_url: string | null
  accent_color: string | null
  mode: PortalMode
  support_email: string | null
  /** The store's own site, for the "Back to the store" link. */
  return_url: string | null
  default_locale: string
}

/** `GET /store/portal/businesses/:business_id` */
export type PortalBusinessResponse = {
  business: PortalBusiness
}

/** The body of a non-2xx answer. */
export type PortalErrorBody = {
  type?: string
  message?: string
}

/** `POST /store/portal/login-requests`: the same 202 answer whether or not the email is known. */
export type PortalLoginRequestBody = {
  business_id: string
  email: string
  locale?: "en" | "ar"
  /** "test" when the customer came through the test-mode form of the static link (A2). */
  mode?: "test" | "live"
}

export type PortalLoginRequestResponse = {
  message: string
}

/** `POST /store/portal/sessions` (201) */
export type PortalSessionResponse = {
  session_token: string
  /** ISO date */
  expires_at: string
}

export type PortalCustomer = {
  first_name: string | null
  last_name: string | null
  email: string | null
  phone: string | null
  company_name: string | null
}

/** `GET /store/portal/me` */
export type PortalMeResponse = {
  customer: PortalCustomer
  session: { mode: PortalMode; expires_at: string }
}

export type PortalOrderItem = {
  title: string
  quantity: number
}

export type PortalOrder = {
  display_id: number
  /** ISO date */
  created_at: string
  status: string
  /** In major units (19 = 19.00). */
  total: number
  currency_code: string
  items: PortalOrderItem[]
}

/** `GET /store/portal/orders`, newest first. */
export type PortalOrdersResponse = {
  orders: PortalOrder[]
  count: number
  limit: number
  offset: number
}

/** A failed call as the customer is told about it; see `toFailure`. */
export type PortalFailure =
  | { kind: "rate_limited"; retryAfter: number | null }
  | { kind: "unreachable" }
  | { kind: "unexpected" }

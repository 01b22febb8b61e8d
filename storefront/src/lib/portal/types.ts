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
  /** The reason a refused payment gives (card_declined, insufficient_funds, …). */
  code?: string
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

/**
 * A new email address waiting to be confirmed: first from the current address when the session
 * did not sign in by email in the last ten minutes (`current_address`), then from the new one.
 */
export type PortalEmailChange = {
  email: string
  /** ISO date: when the link stops working. */
  expires_at: string
  awaiting: "current_address" | "new_address"
}

/** What the customer may do with their profile (P4). */
export type PortalProfile = {
  /** False when the store does not let customers change their details in the portal. */
  can_edit: boolean
  pending_email_change: PortalEmailChange | null
}

/** `GET /store/portal/me` */
export type PortalMeResponse = {
  customer: PortalCustomer
  session: { mode: PortalMode; expires_at: string }
  /**
   * Whether the session has shown it holds the customer's address. When not, purchases made with
   * the address under other customer records stay hidden until the customer confirms it.
   */
  identity?: { email_confirmed: boolean }
  /** Left out by backends older than the profile page. */
  profile?: PortalProfile
}

/** `POST /store/portal/me/email-confirmation` (202): a link went to the address; it works in this browser. */
export type PortalEmailConfirmationResponse = {
  email_confirmation: { email: string; expires_at: string }
}

/**
 * `POST /store/portal/link-previews` (200): what a one-time link will do, without using it; with
 * this browser's session, whether that session is someone else's. Addresses come masked.
 */
export type PortalLinkPreviewResponse = {
  link: {
    purpose: "sign_in" | "invite" | "payment_recovery" | "confirm_email" | "email_change_authorize" | "email_change" | "email_change_undo"
    email: string | null
    new_email: string | null
    expires_at: string
  }
  signed_in: { email: string | null; same_customer: boolean } | null
}

/**
 * `POST /store/portal/me`: only these fields; any other is a 400. Names are trimmed, an empty
 * one is removed; an empty or null phone number is removed, any other is stored as E.164.
 */
export type PortalUpdateMeBody = {
  first_name?: string
  last_name?: string
  phone?: string | null
}

/** The answer of `POST /store/portal/me` (200). */
export type PortalUpdateMeResponse = {
  customer: PortalCustomer
}

/** `POST /store/portal/me/email-change` (202): a link went to the new address, a notice to the current one. */
export type PortalEmailChangeResponse = {
  email_change: PortalEmailChange
}

/**
 * `POST /store/portal/email-changes` (200): what the link did. `awaiting_new_address`: the current
 * address confirmed, and a link went to the new one; `changed`: the address is now `email`;
 * `restored`: a change was undone and `email` is back.
 */
export type PortalConfirmEmailChangeResponse = {
  status: "awaiting_new_address" | "changed" | "restored"
  email: string
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

export type PortalInvoiceStatus = "open" | "paid" | "void" | "uncollectible"

/** What an invoice was raised for. */
export type PortalInvoiceSource = "order" | "renewal" | "dues"

/** An invoice as listed. Every amount is in minor units (1999 = 19.99): see `fromMinorUnits`. */
export type PortalInvoice = {
  id: string
  number: string
  status: PortalInvoiceStatus
  source_type: PortalInvoiceSource
  description: string | null
  /** A short line on what was bought, in the store's language. */
  summary: string
  currency_code: string
  subtotal: number
  discount_total: number
  shipping_total: number
  tax_total: number
  total: number
  /** ISO dates */
  issued_at: string
  paid_at: string | null
  voided_at: string | null
}

/** Filters of `GET /store/portal/invoices`; dates are `YYYY-MM-DD`. */
export type PortalInvoiceFilters = {
  status?: string
  from?: string
  to?: string
}

/** `GET /store/portal/invoices`, newest first; 400 for a bad filter value. */
export type PortalInvoicesResponse = {
  invoices: PortalInvoice[]
  count: number
  limit: number
  offset: number
}

/** Amounts in minor units. */
export type PortalInvoiceLine = {
  kind: "item" | "shipping"
  title: string
  description: string | null
  quantity: number
  unit_price: number
  subtotal: number
  discount_total: number
  tax_total: number
  total: number
}

export type PortalInvoiceDetail = PortalInvoice & {
  customer_email: string | null
  customer_name: string | null
  /** Address lines, when the invoice has one. */
  billing_address: PortalAddress | null
  payment_method_label: string | null
  lines: PortalInvoiceLine[]
}

export type PortalAddress = {
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  province?: string | null
  postal_code?: string | null
  country_code?: string | null
  phone?: string | null
}

/** `GET /store/portal/invoices/:id`; 404 for an invoice that is not the customer's. */
export type PortalInvoiceResponse = {
  invoice: PortalInvoiceDetail
}

/** A failed call as the customer is told about it; see `toFailure`. */
export type PortalFailure =
  | { kind: "rate_limited"; retryAfter: number | null }
  | { kind: "unreachable" }
  | { kind: "unexpected" }

export type PortalSubscriptionStatus = "active" | "on_hold" | "cancelled" | "expired"

export type PortalSubscriptionInterval = "day" | "week" | "month" | "year"

/** Which subscriptions a list holds: `current` is active and on hold, `past` cancelled and expired. */
export type PortalSubscriptionState = "current" | "past"

/** When a cancellation takes effect. */
export type PortalCancelWhen = "now" | "period_end"

export type PortalCancelReason =
  | "too_expensive"
  | "missing_features"
  | "switched_service"
  | "unused"
  | "customer_service"
  | "too_complex"
  | "low_quality"
  | "other"

export type PortalPaymentMethod = {
  /** The saved method's id, when the backend names it. */
  id?: string
  /** The card network as the provider names it ("visa", "mastercard"…). */
  brand: string
  last4: string
  exp_month: number
  exp_year: number
}

/** A payment method saved with the customer's account; a provider may leave out any card detail. */
export type PortalSavedPaymentMethod = {
  id: string
  provider_id: string
  brand: string | null
  last4: string | null
  exp_month: number | null
  exp_year: number | null
}

/** `GET /store/portal/payment-methods` */
export type PortalPaymentMethodsResponse = {
  payment_methods: PortalSavedPaymentMethod[]
}

/** `POST /store/portal/payment-methods`: saves what a provider's card form produced, never a card number. */
export type PortalAddPaymentMethodBody = {
  provider_id: string
  payment_method_id: string
  /** The subscription the card is added for: it is saved where it can pay that subscription. */
  subscription_id?: string
}

/** The answer of `POST /store/portal/payment-methods` (201). */
export type PortalAddPaymentMethodResponse = {
  payment_method: PortalSavedPaymentMethod
}

/** `POST /store/test-cards`: a test card number, checked and turned into a card id (`tcard_…`). */
export type PortalCreateTestCardBody = {
  number: string
  exp_month: number
  /** Four digits. */
  exp_year: number
  cvc?: string
}

/** The answer of `POST /store/test-cards` (201): what anyone may see of the card, and its id. */
export type PortalCreateTestCardResponse = {
  card: { id: string; brand: string; last4: string; exp_month: number; exp_year: number }
}

/** The unpaid invoice that put a subscription on hold. `amount` is in minor units. */
export type PortalSubscriptionOutstanding = {
  invoice_id: string
  number: string
  amount: number
  currency_code: string
  /** The payment provider's reason for the failure, in its own words; null when it gave none. */
  reason: string | null
  /** The provider's code for it (card_declined, insufficient_funds, …), which the portal words itself when it knows it. */
  reason_code: string | null
}

/** `amount` is in minor units (2000 = 20.00) and is charged every `interval_count` `interval`s. */
export type PortalSubscription = {
  id: string
  plan_title: string
  status: PortalSubscriptionStatus
  quantity: number
  amount: number
  currency_code: string
  interval: PortalSubscriptionInterval
  interval_count: number
  /** ISO dates */
  current_period_start: string
  current_period_end: string
  next_renewal_at: string | null
  /** True once the customer asked to stop at the end of the current period. */
  cancel_at_period_end: boolean
  cancelled_at: string | null
  cancellation_reason: PortalCancelReason | null
  ended_at: string | null
  on_hold_since: string | null
  started_at: string
  payment_method: PortalPaymentMethod | null
  outstanding: PortalSubscriptionOutstanding | null
  /** What the customer may do now: the backend decides, the pages only offer it. */
  actions: {
    cancel: PortalCancelWhen[]
    undo_cancel: boolean
    /** False when the store does not let customers change payment methods in the portal. */
    change_payment_method?: boolean
  }
}

/** `GET /store/portal/subscriptions`, newest first. */
export type PortalSubscriptionsResponse = {
  subscriptions: PortalSubscription[]
  count: number
  limit: number
  offset: number
}

/** `GET /store/portal/subscriptions/:id`: the subscription and its latest five invoices. */
export type PortalSubscriptionResponse = {
  subscription: PortalSubscription
  invoices: PortalInvoice[]
}

/** `POST /store/portal/subscriptions/:id/cancel`; `comment` is at most 1000 characters. */
export type PortalCancelSubscriptionBody = {
  when: PortalCancelWhen
  reason: PortalCancelReason
  comment?: string
}

/** The answer of `.../cancel` and `.../undo-cancel`. */
export type PortalSubscriptionChangeResponse = {
  subscription: PortalSubscription
}

/**
 * `POST /store/portal/subscriptions/:id/payment-method`, sent with an `Idempotency-Key`.
 * `confirmation` says the customer confirmed the payment their bank asked about.
 */
export type PortalChangePaymentMethodBody = {
  payment_method_id: string
  confirmation?: "completed"
}

/** The invoice of the dues a reactivation paid; `total` is in minor units. */
export type PortalPaidInvoice = {
  id: string
  number: string
  total: number
  currency_code: string
  status: "paid"
  /** ISO date */
  paid_at: string
}

/**
 * The answer of `.../payment-method` (200). `updated`: future renewals use the method.
 * `reactivated`: the dues of a subscription on hold were paid with it and it is active again.
 * `requires_action`: the card's bank asks the customer to confirm the payment of `amount` (minor
 * units) first. A failed charge is a 402 whose `code` says why (see `PortalFetchError.code`).
 */
export type PortalChangePaymentMethodResponse =
  | { outcome: "updated"; subscription: PortalSubscription }
  | { outcome: "reactivated"; subscription: PortalSubscription; invoice: PortalPaidInvoice }
  | {
      outcome: "requires_action"
      next_action: { type: "confirm_card" }
      amount: number
      currency_code: string
    }

/** `disabled` is a key whose subscription is not paid; `expired` also covers a date that has passed. */
export type PortalLicenseKeyStatus = "active" | "disabled" | "revoked" | "expired"

/** A license key as listed: masked, with its terms. The whole key only comes from `.../reveal`. */
export type PortalLicenseKey = {
  id: string
  product_title: string
  status: PortalLicenseKeyStatus
  /** All but the prefix and the last group hidden: "ACME-•••••-•••••-•••••-HV8WN". */
  masked_key: string
  /** Null for unlimited activations. */
  activation_limit: number | null
  activations_used: number
  /** ISO date; null for a key that never expires. */
  expires_at: string | null
  /** True for a key that lives as long as a subscription is paid. */
  tied_to_subscription: boolean
  /** ISO date */
  issued_at: string
}

/** `GET /store/portal/license-keys`, newest first; `limit` is 1 to 100. */
export type PortalLicenseKeysResponse = {
  license_keys: PortalLicenseKey[]
  count: number
  limit: number
  offset: number
}

/** One device (instance) a key is active on. */
export type PortalLicenseActivation = {
  id: string
  /** The instance's name as the software reported it. */
  name: string
  /** ISO dates */
  activated_at: string
  last_validated_at: string | null
}

export type PortalLicenseKeyDetail = PortalLicenseKey & {
  activations: PortalLicenseActivation[]
  /** False when the store does not let customers free an activation in the portal. */
  can_deactivate: boolean
}

/** `GET /store/portal/license-keys/:id`; 404 for a key that is not the customer's. */
export type PortalLicenseKeyResponse = {
  license_key: PortalLicenseKeyDetail
}

/** `POST /store/portal/license-keys/:id/reveal`: the whole key. */
export type PortalRevealLicenseKeyResponse = {
  id: string
  key: string
}

/** `DELETE /store/portal/license-keys/:id/activations/:activation_id` */
export type PortalDeactivateLicenseResponse = {
  deleted: boolean
}

export type PortalActivityAction =
  | "link_issued"
  | "signed_in"
  | "signed_out"
  | "signed_out_everywhere"
  | "access_revoked"
  | "subscription_cancelled"
  | "cancellation_undone"
  | "subscription_renewed"
  | "subscription_payment_failed"
  | "subscription_reactivated"
  | "subscription_ended"
  | "license_keys_revoked"
  | "license_keys_restored"
  | "payment_method_added"
  | "payment_method_changed"
  | "profile_updated"
  | "email_change_requested"
  | "email_changed"
  | "email_change_undone"
  | "email_confirmation_requested"
  | "email_confirmed"

/** One entry of the customer's recent activity. */
export type PortalActivity = {
  id: string
  action: PortalActivityAction
  at: string
  by: "customer" | "store" | "system"
  ip: string | null
  device: string | null
  details: Record<string, unknown>
}

export type PortalActivityList = { activity: PortalActivity[]; count: number; limit: number; offset: number }

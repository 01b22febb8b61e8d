import { z } from "@medusajs/framework/zod"
import { normalizeEmail } from "../../../lib/customer-records"

const locale = z.enum(["en", "ar"], { message: 'locale must be "en" or "ar"' })

export const StorePortalLoginRequest = z
  .object({
    business_id: z
      .string({ message: "business_id is required" })
      .max(64, { message: "business_id is not valid" })
      .regex(/^bus_[A-Za-z0-9]+$/, { message: "business_id is not valid" }),
    email: z
      .string({ message: "Enter the email address you used to buy." })
      .transform(normalizeEmail)
      .pipe(z.string().max(254, { message: "That email address is too long." }))
      .pipe(z.email({ message: "Enter a valid email address, such as name@example.com." })),
    locale: locale.optional(),
    mode: z.enum(["test", "live"], { message: 'mode must be "test" or "live"' }).optional(),
  })
  .strict()
export type StorePortalLoginRequestType = z.infer<typeof StorePortalLoginRequest>

export const StorePortalCreateSession = z
  .object({
    token: z
      .string({ message: "token is required" })
      .regex(/^[A-Za-z0-9_-]{43}$/, { message: "This link is not complete. Open it again from your email, or ask for a new one." }),
  })
  .strict()
export type StorePortalCreateSessionType = z.infer<typeof StorePortalCreateSession>

export const StorePortalPreviewLink = StorePortalCreateSession
export type StorePortalPreviewLinkType = z.infer<typeof StorePortalPreviewLink>

/** `limit` and `offset` of a portal list; lists never answer more than 50 rows at once. */
export const PortalPagination = {
  limit: z.coerce.number().int().min(1).max(50).default(10),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
}

export const StorePortalListOrders = z.object(PortalPagination).strict()

export const StorePortalListActivity = z.object(PortalPagination).strict()
export type StorePortalListActivityType = z.infer<typeof StorePortalListActivity>
export type StorePortalListOrdersType = z.infer<typeof StorePortalListOrders>

const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), { message: "must be a date such as 2026-01-31" })

export const StorePortalListInvoices = z
  .object({
    ...PortalPagination,
    status: z.enum(["open", "paid", "void", "uncollectible"], { message: "status must be open, paid, void or uncollectible" }).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict()
export type StorePortalListInvoicesType = z.infer<typeof StorePortalListInvoices>

export const StorePortalExportInvoices = z
  .object({
    status: z.enum(["open", "paid", "void", "uncollectible"], { message: "status must be open, paid, void or uncollectible" }).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict()
export type StorePortalExportInvoicesType = z.infer<typeof StorePortalExportInvoices>

/**
 * The language of a PDF is Medusa's request locale (`?locale=ar` or the
 * `x-medusa-locale` header), which Medusa takes out of the query before any
 * route sees it; one the portal does not speak falls back to the invoice's.
 */
export const StorePortalInvoicePdf = z.object({}).strict()

export const StorePortalListSubscriptions = z
  .object({
    ...PortalPagination,
    state: z.enum(["current", "past"], { message: 'state must be "current" or "past"' }).optional(),
  })
  .strict()
export type StorePortalListSubscriptionsType = z.infer<typeof StorePortalListSubscriptions>

export const StorePortalCancelSubscription = z
  .object({
    when: z.enum(["now", "period_end"], { message: 'when must be "now" or "period_end"' }),
    reason: z.enum(["too_expensive", "missing_features", "switched_service", "unused", "customer_service", "too_complex", "low_quality", "other"], {
      message: "Choose a reason from the list.",
    }),
    comment: z.string().trim().max(1000, { message: "The comment can be up to 1,000 characters." }).optional(),
  })
  .strict()
export type StorePortalCancelSubscriptionType = z.infer<typeof StorePortalCancelSubscription>

const subscriptionId = z.string({ message: "subscription_id must be text" }).regex(/^sub_[A-Za-z0-9]{1,64}$/, { message: "subscription_id is not valid" })

/** `subscription_id`: only the methods that can pay that subscription. */
export const StorePortalListPaymentMethods = z.object({ subscription_id: subscriptionId.optional() }).strict()
export type StorePortalListPaymentMethodsType = z.infer<typeof StorePortalListPaymentMethods>

const providerId = z.string({ message: "provider_id is required" }).trim().regex(/^pp_[A-Za-z0-9_-]{1,100}$/, { message: "provider_id is not valid" })

/** `subscription_id`: only the providers that can pay that subscription, and which one pays it now. */
export const StorePortalListPaymentProviders = z.object({ subscription_id: subscriptionId.optional() }).strict()
export type StorePortalListPaymentProvidersType = z.infer<typeof StorePortalListPaymentProviders>

/** Begins saving a card with a provider whose form confirms it in the browser (Stripe: a SetupIntent). */
export const StorePortalCreatePaymentMethodSetup = z
  .object({
    provider_id: providerId,
    /** The subscription the card is added for: it is set up where it can pay it (as POST /store/portal/payment-methods). */
    subscription_id: subscriptionId.optional(),
  })
  .strict()
export type StorePortalCreatePaymentMethodSetupType = z.infer<typeof StorePortalCreatePaymentMethodSetup>

export const StorePortalAddPaymentMethod = z
  .object({
    /** The subscription the method is added for: it is saved where it can pay it. */
    subscription_id: subscriptionId.optional(),
    provider_id: providerId,
    payment_method_id: z
      .string({ message: "payment_method_id is required" })
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, { message: "payment_method_id is not valid: send the id the payment form gave, never a card number" })
      .refine((v) => !/^\d{12,19}$/.test(v), { message: "payment_method_id is not valid: send the id the payment form gave, never a card number" }),
  })
  .strict()
export type StorePortalAddPaymentMethodType = z.infer<typeof StorePortalAddPaymentMethod>

export const StorePortalChangePaymentMethod = z
  .object({
    /** A method saved to the customer's account (see GET /store/portal/payment-methods). */
    payment_method_id: z
      .string({ message: "payment_method_id is required" })
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, { message: "payment_method_id is not valid" }),
    /** Sent again with the same method once the customer has confirmed the payment with their bank. */
    confirmation: z.literal("completed", { message: "confirmation can only be \"completed\"" }).optional(),
  })
  .strict()
export type StorePortalChangePaymentMethodType = z.infer<typeof StorePortalChangePaymentMethod>

export const StorePortalListLicenseKeys = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict()
export type StorePortalListLicenseKeysType = z.infer<typeof StorePortalListLicenseKeys>

const personName = (field: string) =>
  z
    .string({ message: `${field} must be text` })
    .trim()
    .max(100, { message: `${field} is at most 100 characters` })
    .refine((v) => !/[\u0000-\u001f\u007f<>]/.test(v), { message: `${field} contains characters that are not allowed` })

/** P4: only these fields of a profile can change; anything else in the body is a 400. */
export const StorePortalUpdateProfile = z
  .object({
    first_name: personName("first_name").nullable().optional(),
    last_name: personName("last_name").nullable().optional(),
    phone: z.string({ message: "phone must be text" }).trim().max(40, { message: "phone is at most 40 characters" }).nullable().optional(),
  })
  .strict()
export type StorePortalUpdateProfileType = z.infer<typeof StorePortalUpdateProfile>

export const StorePortalRequestEmailChange = z
  .object({
    email: z
      .string({ message: "Enter an email address." })
      .transform(normalizeEmail)
      .pipe(z.string().max(254, { message: "That email address is too long." }))
      .pipe(z.email({ message: "Enter a valid email address." })),
  })
  .strict()
export type StorePortalRequestEmailChangeType = z.infer<typeof StorePortalRequestEmailChange>

export const StorePortalRequestEmailConfirmation = z.object({}).strict()

export const StorePortalConfirmEmailChange = z
  .object({ token: z.string({ message: "token is required" }).regex(/^[A-Za-z0-9_-]{43}$/, { message: "This link is invalid or has expired. Ask for a new one from your profile." }) })
  .strict()
export type StorePortalConfirmEmailChangeType = z.infer<typeof StorePortalConfirmEmailChange>

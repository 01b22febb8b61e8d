import { z } from "@medusajs/framework/zod"

export const AdminListPortalActivity = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict()
export type AdminListPortalActivityType = z.infer<typeof AdminListPortalActivity>

export const AdminCreatePortalSession = z
  .object({
    send_email: z.boolean({ message: "send_email must be true or false" }).optional(),
    locale: z.enum(["en", "ar"], { message: 'locale must be "en" or "ar"' }).optional(),
    /** Which mode's records the link's session sees; the portal's current mode by default. */
    mode: z.enum(["test", "live"], { message: 'mode must be "test" or "live"' }).optional(),
  })
  .strict()
export type AdminCreatePortalSessionType = z.infer<typeof AdminCreatePortalSession>

const optionalUrl = z
  .string()
  .trim()
  .max(2048)
  .url({ message: "must be an absolute URL" })
  .refine((v) => /^https?:\/\//.test(v), { message: "must start with http:// or https://" })
  .nullable()
  .optional()

const addressLine = z.string().trim().max(200).nullable().optional()

/** The seller's details printed on invoices. */
export const BusinessAddressSchema = z
  .object({
    company: addressLine,
    address_1: addressLine,
    address_2: addressLine,
    city: z.string().trim().max(120).nullable().optional(),
    province: z.string().trim().max(120).nullable().optional(),
    postal_code: z.string().trim().max(20).nullable().optional(),
    country_code: z
      .string()
      .trim()
      .regex(/^[a-zA-Z]{2}$/, { message: "country_code must be a two-letter country code such as us" })
      .transform((v) => v.toLowerCase())
      .nullable()
      .optional(),
    phone: z.string().trim().max(40).nullable().optional(),
    tax_id: z.string().trim().max(60).nullable().optional(),
  })
  .strict()

export const AdminUpdateCustomerPortal = z
  .object({
    name: z.string().trim().min(1, { message: "name cannot be empty" }).max(120).optional(),
    mode: z.enum(["test", "live"]).optional(),
    logo_url: optionalUrl,
    return_url: optionalUrl,
    accent_color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, { message: "accent_color must be a colour such as #1f6feb" })
      .nullable()
      .optional(),
    support_email: z.string().trim().max(254).pipe(z.email({ message: "support_email must be an email address" })).nullable().optional(),
    default_locale: z.enum(["en", "ar"]).optional(),
    business_address: BusinessAddressSchema.nullable().optional(),
    allow_cancellation: z.boolean().optional(),
    cancellation_mode: z.enum(["immediately", "period_end", "both"]).optional(),
    allow_payment_method_update: z.boolean().optional(),
    allow_profile_edit: z.boolean().optional(),
    allow_license_deactivation: z.boolean().optional(),
  })
  .strict()
export type AdminUpdateCustomerPortalType = z.infer<typeof AdminUpdateCustomerPortal>

const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), { message: "must be a date such as 2026-01-31" })
const invoiceStatus = z.enum(["open", "paid", "void", "uncollectible"], { message: "status must be open, paid, void or uncollectible" })

export const AdminListInvoices = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    status: invoiceStatus.optional(),
    customer_id: z.string().trim().max(64).optional(),
    order_id: z.string().trim().max(64).optional(),
    mode: z.enum(["test", "live"], { message: 'mode must be "test" or "live"' }).optional(),
    /** An invoice number or a customer email, or the start of one. */
    q: z.string().trim().max(254).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict()
export type AdminListInvoicesType = z.infer<typeof AdminListInvoices>

export const AdminInvoicePdf = z.object({ locale: z.enum(["en", "ar"], { message: 'locale must be "en" or "ar"' }).optional() }).strict()
export type AdminInvoicePdfType = z.infer<typeof AdminInvoicePdf>

const interval = z.enum(["day", "week", "month", "year"], { message: "interval must be day, week, month or year" })

export const AdminUpsertPlan = z
  .object({
    product_variant_id: z.string().trim().min(1).max(64),
    interval,
    interval_count: z.coerce.number().int().min(1, { message: "interval_count must be 1 or more" }).max(366).default(1),
  })
  .strict()
export type AdminUpsertPlanType = z.infer<typeof AdminUpsertPlan>

export const AdminListPlans = z
  .object({
    product_variant_id: z.union([z.string().trim().max(64), z.array(z.string().trim().max(64)).max(200)]).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListPlansType = z.infer<typeof AdminListPlans>

export const AdminListSubscriptions = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    status: z.enum(["active", "on_hold", "cancelled", "expired"], { message: "status must be active, on_hold, cancelled or expired" }).optional(),
    customer_id: z.string().trim().max(64).optional(),
    product_variant_id: z.string().trim().max(64).optional(),
    mode: z.enum(["test", "live"]).optional(),
  })
  .strict()
export type AdminListSubscriptionsType = z.infer<typeof AdminListSubscriptions>

export const AdminCancelSubscription = z
  .object({
    when: z.enum(["now", "period_end"], { message: 'when must be "now" or "period_end"' }),
    reason: z.enum(["too_expensive", "missing_features", "switched_service", "unused", "customer_service", "too_complex", "low_quality", "other"]).optional(),
    comment: z.string().trim().max(1000).optional(),
  })
  .strict()
export type AdminCancelSubscriptionType = z.infer<typeof AdminCancelSubscription>

export const AdminUpsertLicensePlan = z
  .object({
    product_variant_id: z.string().trim().min(1).max(64),
    /** null: unlimited activations. */
    activation_limit: z.number().int().min(1, { message: "activation_limit must be 1 or more, or null for unlimited" }).max(100_000).nullable().default(null),
    /** null: the key never expires. */
    validity_days: z.number().int().min(1, { message: "validity_days must be 1 or more, or null for a lifetime key" }).max(36_500).nullable().default(null),
    key_prefix: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{1,10}$/, { message: "key_prefix is 1 to 10 letters or digits" })
      .nullable()
      .default(null),
  })
  .strict()
export type AdminUpsertLicensePlanType = z.infer<typeof AdminUpsertLicensePlan>

export const AdminListLicenseKeys = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    /** A key (or its start) or a customer's email (or its start). */
    q: z.string().trim().min(1).max(200).optional(),
    status: z.enum(["active", "disabled", "revoked", "expired"], { message: "status must be active, disabled, revoked or expired" }).optional(),
    customer_id: z.string().trim().max(64).optional(),
    mode: z.enum(["test", "live"]).optional(),
  })
  .strict()
export type AdminListLicenseKeysType = z.infer<typeof AdminListLicenseKeys>

export const AdminImportLicenseKeys = z
  .object({
    csv: z.string({ message: "csv is required: the file's text" }).min(1, { message: "The file is empty." }).max(2_000_000, { message: "The file is over 2 MB: split it." }),
    dry_run: z.boolean().default(false),
    /** The keys' mode: live unless the merchant imports test keys. */
    mode: z.enum(["live", "test"], { message: "mode is live or test" }).default("live"),
  })
  .strict()
export type AdminImportLicenseKeysType = z.infer<typeof AdminImportLicenseKeys>

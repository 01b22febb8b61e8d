import { z } from "@medusajs/framework/zod"

export const AdminCreatePortalSession = z
  .object({
    send_email: z.boolean({ message: "send_email must be true or false" }).optional(),
    locale: z.enum(["en", "ar"], { message: 'locale must be "en" or "ar"' }).optional(),
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
    allow_cancellation: z.boolean().optional(),
    cancellation_mode: z.enum(["immediately", "period_end", "both"]).optional(),
    allow_payment_method_update: z.boolean().optional(),
    allow_profile_edit: z.boolean().optional(),
    allow_license_deactivation: z.boolean().optional(),
  })
  .strict()
export type AdminUpdateCustomerPortalType = z.infer<typeof AdminUpdateCustomerPortal>

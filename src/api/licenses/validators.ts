import { z } from "@medusajs/framework/zod"

const key = z
  .string({ message: "key is required" })
  .trim()
  .toUpperCase()
  .min(16, { message: "key is not a license key" })
  .max(64, { message: "key is not a license key" })
  .regex(/^[A-Z0-9]+(-[A-Z0-9]+)+$/, { message: "key is not a license key" })
/** Which keys the caller asks about: live ones unless it says test. */
const mode = z.enum(["live", "test"], { message: "mode is live or test" }).default("live")
const instanceName = z
  .string({ message: "instance_name is required" })
  .trim()
  .min(1, { message: "instance_name is required" })
  .max(200, { message: "instance_name is at most 200 characters" })

export const LicenseValidate = z.object({ key, instance_name: instanceName.optional(), mode }).strict()
export type LicenseValidateType = z.infer<typeof LicenseValidate>

export const LicenseActivate = z.object({ key, instance_name: instanceName, mode }).strict()
export type LicenseActivateType = z.infer<typeof LicenseActivate>

export const LicenseDeactivate = z
  .object({ key, instance_name: instanceName.optional(), instance_id: z.string().trim().max(64).optional(), mode })
  .strict()
  .refine((body) => !!body.instance_name !== !!body.instance_id, { message: "Send either instance_name or instance_id." })
export type LicenseDeactivateType = z.infer<typeof LicenseDeactivate>

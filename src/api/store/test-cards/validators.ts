import { z } from "@medusajs/framework/zod"

export const StoreCreateTestCard = z
  .object({
    number: z.string({ message: "Enter the card number." }).trim().max(30, { message: "This card number is not valid." }),
    exp_month: z.coerce.number({ message: "Enter the expiry month." }).int().min(1, { message: "The expiry month is 1 to 12." }).max(12, { message: "The expiry month is 1 to 12." }),
    exp_year: z.coerce.number({ message: "Enter the expiry year." }).int().min(0).max(2100, { message: "The expiry year is not valid." }),
    cvc: z.string().trim().regex(/^\d{3,4}$/, { message: "The security code is 3 or 4 digits." }).optional(),
  })
  .strict()
export type StoreCreateTestCardType = z.infer<typeof StoreCreateTestCard>

import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { addressInUse, EMAIL_CANNOT_BE_RESTORED, EMAIL_CHANGE_LINK_INVALID, EMAIL_IN_USE } from "../../lib/email-change"

export type CheckEmailChangeStepInput = { customer_id: string; email: string; undo?: boolean }

/**
 * Whether the customer's address can become `email` now, and what it is
 * before. A change is refused when any other customer record has the address
 * (it would join that record's purchases to this account), with a sentence
 * that says nothing about it. An undo puts back the customer's own earlier
 * address, which its holder just proved: only another account on it (Medusa
 * keeps one account per address) stops it.
 */
export const checkEmailChangeStep = createStep("check-email-change", async (input: CheckEmailChangeStepInput, { container }) => {
  const customers = container.resolve(Modules.CUSTOMER)
  const [customer] = await customers.listCustomers({ id: input.customer_id }, { select: ["id", "email", "has_account"], take: 1 })
  if (!customer?.email) throw new MedusaError(MedusaError.Types.NOT_FOUND, EMAIL_CHANGE_LINK_INVALID)
  if (input.undo) {
    const accounts = customer.has_account ? await customers.listCustomers({ email: input.email, has_account: true }, { select: ["id"], take: 2 }) : []
    if (accounts.some((account) => account.id !== customer.id)) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, EMAIL_CANNOT_BE_RESTORED)
  } else if (await addressInUse(container, input.email, customer.id)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, EMAIL_IN_USE)
  }
  return new StepResponse({ customer_id: customer.id, previous_email: customer.email })
})

import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { normalizeEmail } from "../../lib/customer-records"
import { homeRecord } from "../../lib/identity"

export type LinkRecipient = {
  /** The record the link signs into. */
  customer_id: string
  /** Where the email goes (the address as the record signed into keeps it); null for a link that is not emailed. */
  to: string | null
  /** The address the link proves once used (normalised); null for a link handed to someone. */
  sent_to_email: string | null
  /** The greeting's name: the record the link signs into. */
  customer_name: string | null
}

export const chooseLinkRecipientStepId = "choose-link-recipient"

/**
 * Whom a one-time link signs into. A link handed to someone (not emailed)
 * signs into the record it was made for. An emailed link proves the address
 * it goes to, so it signs into the record that acts for that address's
 * holder (`homeRecord`): never an account whose address its holder has not
 * confirmed over a guest record of the same address. Unknown customers are
 * NOT_FOUND; one without an address cannot be emailed.
 */
export const chooseLinkRecipientStep = createStep(
  chooseLinkRecipientStepId,
  async (input: { customer_id: string; send_email?: boolean }, { container }) => {
    const [customer] = await container
      .resolve(Modules.CUSTOMER)
      .listCustomers({ id: input.customer_id }, { select: ["id", "email", "first_name", "last_name"], take: 1 })
    if (!customer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${input.customer_id} was not found`)
    }
    const name = (c: { first_name?: string | null; last_name?: string | null }) => [c.first_name, c.last_name].filter(Boolean).join(" ") || null
    if (!input.send_email) {
      return new StepResponse<LinkRecipient>({ customer_id: customer.id, to: null, sent_to_email: null, customer_name: name(customer) })
    }
    if (!customer.email) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This customer has no email address to send a link to.")
    }
    const home = (await homeRecord(container, customer.email)) ?? customer
    return new StepResponse<LinkRecipient>({
      customer_id: home.id,
      // The address as the record signed into keeps it (records of one address differ at most in case).
      to: home.email,
      sent_to_email: normalizeEmail(customer.email),
      customer_name: name(home),
    })
  }
)

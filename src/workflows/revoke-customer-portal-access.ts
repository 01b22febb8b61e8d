import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { customerIdsSharingEmail } from "../lib/customer-records"
import { PortalEvents } from "./events"
import { revokePortalAccessStep } from "./steps/revoke-portal-access"

export const revokeCustomerPortalAccessWorkflowId = "revoke-customer-portal-access"

export type RevokeCustomerPortalAccessWorkflowInput = {
  customer_id: string
  /** Only these records (a customer's "sign out everywhere": the records their session sees); every record with the customer's email otherwise. */
  customer_ids?: string[]
}

const customerRecordsStep = createStep("get-customer-portal-records", async (input: RevokeCustomerPortalAccessWorkflowInput, { container }) => {
  if (input.customer_ids?.length) return new StepResponse(input.customer_ids)
  const ids = await customerIdsSharingEmail(container.resolve(Modules.CUSTOMER), input.customer_id)
  if (!ids.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${input.customer_id} was not found`)
  }
  return new StepResponse(ids)
})

/**
 * The merchant's "Revoke all links and sessions" for a customer: every unused
 * one-time link and every live session of the customer — and of the other
 * records sharing their email — stops working. The customer's own "Sign out
 * everywhere" passes the records their session sees instead, so a session
 * that has not proven the address cannot sign out whoever holds the others.
 */
export const revokeCustomerPortalAccessWorkflow = createWorkflow(
  revokeCustomerPortalAccessWorkflowId,
  (input: RevokeCustomerPortalAccessWorkflowInput) => {
    const customerIds = customerRecordsStep(input)
    const revoked = revokePortalAccessStep(transform({ customerIds }, ({ customerIds }) => ({ customer_ids: customerIds })))
    const event = transform({ customerIds, revoked }, ({ customerIds, revoked }) => ({ customer_ids: customerIds, ...revoked }))
    emitEventStep({ eventName: PortalEvents.ACCESS_REVOKED, data: event })
    return new WorkflowResponse(revoked)
  }
)

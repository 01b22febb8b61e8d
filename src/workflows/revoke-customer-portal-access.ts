import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { customerIdsSharingEmail } from "../lib/customer-records"
import { PortalEvents } from "./events"
import { revokePortalAccessStep } from "./steps/revoke-portal-access"

export const revokeCustomerPortalAccessWorkflowId = "revoke-customer-portal-access"

const customerRecordsStep = createStep("get-customer-portal-records", async (input: { customer_id: string }, { container }) => {
  const ids = await customerIdsSharingEmail(container.resolve(Modules.CUSTOMER), input.customer_id)
  if (!ids.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${input.customer_id} was not found`)
  }
  return new StepResponse(ids)
})

/**
 * The merchant's "Revoke all links and sessions" for a customer: every unused
 * one-time link and every live session of the customer — and of the other
 * records sharing their email, which the same sessions can see — stops working.
 */
export const revokeCustomerPortalAccessWorkflow = createWorkflow(
  revokeCustomerPortalAccessWorkflowId,
  (input: { customer_id: string }) => {
    const customerIds = customerRecordsStep(input)
    const revoked = revokePortalAccessStep(transform({ customerIds }, ({ customerIds }) => ({ customer_ids: customerIds })))
    const event = transform({ customerIds, revoked }, ({ customerIds, revoked }) => ({ customer_ids: customerIds, ...revoked }))
    emitEventStep({ eventName: PortalEvents.ACCESS_REVOKED, data: event })
    return new WorkflowResponse(revoked)
  }
)

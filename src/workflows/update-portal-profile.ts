import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { checkPortalPermissionStep } from "./steps/check-portal-permission"
import { activityOf, recordPortalActivityStep, type PortalActor } from "./steps/record-portal-activity"

export type UpdatePortalProfileInput = {
  portal_id: string
  customer_id: string
  /** The mode of the session asking. */
  mode: "test" | "live"
  /** The fields that change (name, phone as E.164); null clears one. */
  update: { first_name?: string | null; last_name?: string | null; phone?: string | null }
  actor: PortalActor
}

export const updatePortalProfileWorkflowId = "update-portal-profile"

/**
 * P4: the customer changes their name or phone number, when the portal's
 * settings let customers edit their profile, through Medusa's own customer
 * workflow (which undoes itself if what follows fails), then the trail.
 */
export const updatePortalProfileWorkflow = createWorkflow(updatePortalProfileWorkflowId, (input: UpdatePortalProfileInput) => {
  checkPortalPermissionStep(
    transform({ input }, ({ input }) => ({
      permission: "profile_edit" as const,
      by: input.actor.type,
      portal_id: input.portal_id,
      customer_id: input.customer_id,
      mode: input.mode,
    }))
  )
  when({ input }, ({ input }) => Object.keys(input.update).length > 0).then(() => {
    updateCustomersWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ selector: { id: input.customer_id }, update: input.update })),
    })
    recordPortalActivityStep(
      transform({ input }, ({ input }) => ({
        entry: activityOf(input.actor, { customer_id: input.customer_id, portal_id: input.portal_id, action: "profile_updated", details: { fields: Object.keys(input.update) } }),
      }))
    ).config({ continueOnPermanentFailure: true })
  })
  return new WorkflowResponse({ customer_id: input.customer_id })
})

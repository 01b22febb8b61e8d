import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { recordActivity, type ActivityEntry } from "../../lib/activity"

/** Who made a change: the customer in the portal, a user of the admin (or a secret API key), or the store itself (a job, a sweep). */
export type PortalActor = {
  type: "customer" | "admin" | "system"
  id?: string | null
  ip?: string | null
  user_agent?: string | null
  /** Set when an admin acted through a secret API key. */
  via?: "api_key"
}

/** The audit trail's entry of a change by `actor`. */
export const activityOf = (
  actor: PortalActor,
  entry: Omit<ActivityEntry, "actor_type" | "actor_id" | "ip" | "user_agent">
): ActivityEntry => ({
  ...entry,
  actor_type: actor.type,
  actor_id: actor.id ?? null,
  ip: actor.ip ?? null,
  user_agent: actor.user_agent ?? null,
  details: { ...(entry.details ?? {}), ...(actor.via ? { by: actor.via } : {}) },
})

export const recordPortalActivityStepId = "record-portal-activity"

/**
 * Adds the change to the audit trail, after it was made. It cannot fail the
 * change: an entry that cannot be written is logged for the merchant.
 * Nothing to undo (the trail only grows).
 */
export const recordPortalActivityStep = createStep(recordPortalActivityStepId, async (input: { entry: ActivityEntry | null }, { container }) => {
  if (input.entry) await recordActivity(container, input.entry)
  return new StepResponse({ recorded: !!input.entry })
})

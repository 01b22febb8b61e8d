import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { cancelEmailChanges } from "../../lib/email-change"

/** Ends the customer's pending email changes (a newer one replaces them). Ending is the safe direction, so it is not undone. */
export const cancelEmailChangesStep = createStep("cancel-email-changes", async (input: { customer_id: string }, { container }) => {
  return new StepResponse({ cancelled: await cancelEmailChanges(container, input.customer_id) })
})

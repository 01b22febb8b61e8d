import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type MoveLoginEmailStepInput = { customer_id: string; from: string; to: string }

/**
 * A customer with a password signs in to the store with their email: the
 * `emailpass` identity of this customer moves from one address to the other
 * (only the one whose auth identity belongs to this customer). Undone by
 * moving it back.
 */
export const moveLoginEmailStep = createStep(
  "move-login-email",
  async (input: MoveLoginEmailStepInput, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const identities = await auth.listProviderIdentities({ provider: "emailpass", entity_id: input.from } as any, { relations: ["auth_identity"] })
    const own = identities.filter((identity: any) => identity.auth_identity?.app_metadata?.customer_id === input.customer_id)
    if (own.length) await auth.updateProviderIdentities(own.map((identity) => ({ id: identity.id, entity_id: input.to })))
    return new StepResponse({ moved: own.length }, { ids: own.map((identity) => identity.id), from: input.from })
  },
  async (moved, { container }) => {
    if (!moved?.ids.length) return
    await container.resolve(Modules.AUTH).updateProviderIdentities(moved.ids.map((id) => ({ id, entity_id: moved.from })))
  }
)

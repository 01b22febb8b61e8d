import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { adapterFor } from "../../../../../lib/payment-adapters"
import { answerIdempotently, type IdempotentAnswer } from "../../../../utils/idempotency"
import type { PortalRequest } from "../../../../utils/portal-auth"
import { ensureAccountHolder } from "../../../../utils/portal-payment-methods"
import { newCardOwner } from "../../../../utils/portal-payment-providers"
import type { StorePortalCreatePaymentMethodSetupType } from "../../validators"

export const SETUP_NOT_NEEDED = "This payment provider saves cards without a setup: add the card directly."
export const SETUP_UNAVAILABLE = "The card form could not be prepared just now. Try again in a moment."

/**
 * Begins adding a card with a provider whose own form confirms it in the
 * browser: 201 `{ setup: { provider_id, id, client_secret } }` (Stripe: a
 * SetupIntent for off-session use, cards only, made for the account holder
 * the card is saved with). The browser confirms it with the client secret
 * (3-D Secure happens there), then sends the method to
 * POST /store/portal/payment-methods. With an `Idempotency-Key` header a
 * repeat gets the same setup, and the provider is asked once. 400
 * `setup_not_needed` for a provider that saves cards directly (test cards).
 */
export const POST = async (req: PortalRequest<StorePortalCreatePaymentMethodSetupType>, res: MedusaResponse) => {
  await answerIdempotently(req, res, `customer:${req.portal.customer_id}`, async (): Promise<IdempotentAnswer> => {
    const { provider_id, subscription_id } = req.validatedBody
    const owner = await newCardOwner(req.scope, req.portal, provider_id, subscription_id)
    const adapter = adapterFor(provider_id)
    if (!adapter.beginSave) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, SETUP_NOT_NEEDED, "setup_not_needed")
    }
    const holder = await ensureAccountHolder(req.scope, owner, provider_id)
    const header = req.headers["idempotency-key"]
    const key = `portal-setup:${holder.id}:${(Array.isArray(header) ? header[0] : header) ?? randomUUID()}`
    let setup
    try {
      setup = await adapter.beginSave(req.scope, holder, provider_id, key)
    } catch (error) {
      // The provider's text can carry ids and the store's setup: the merchant reads it in the log, the customer gets a sentence.
      req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`Customer portal: beginning a card setup with ${provider_id} failed: ${(error as Error)?.message ?? error}`)
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, SETUP_UNAVAILABLE, "provider_unavailable")
    }
    return { status: 201, body: { setup: { provider_id, id: setup.id, client_secret: setup.client_secret } } }
  })
}

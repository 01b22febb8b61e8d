import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { clock } from "../../../lib/clock"
import { CardError, createCard, portalIsLive, publicCard, type Db } from "../../../providers/test-card/cards"
import type { StoreCreateTestCardType } from "./validators"

/**
 * The test payment provider's card form posts here, and nowhere else sees the
 * number: it is checked (a known test number, a future expiry) and turned
 * into a card id (`tcard_…`) to pay with or save, keeping only brand, last
 * four digits, expiry and a fingerprint. The security code is checked for
 * shape and dropped. Closed while the portal is in live mode.
 */
export const POST = async (req: MedusaRequest<StoreCreateTestCardType>, res: MedusaResponse) => {
  const db = req.scope.resolve<Db>(ContainerRegistrationKeys.PG_CONNECTION)
  if (await portalIsLive(db)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Test cards work only while the portal is in test mode.")
  }
  const { number, exp_month, exp_year } = req.validatedBody
  try {
    const card = await createCard(db, { number, exp_month, exp_year }, clock.now())
    res.status(201).json({ card: publicCard(card) })
  } catch (error) {
    if (error instanceof CardError) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
    }
    throw error
  }
}

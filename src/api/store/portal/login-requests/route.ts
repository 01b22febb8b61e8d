import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IEventBusModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { PortalEvents } from "../../../../workflows/events"
import type { StorePortalLoginRequestType } from "../validators"
import { requestOrigin } from "../../../utils/activity"

/** The only answer, whether or not the email belongs to a customer (A6). */
export const LOGIN_REQUEST_ACCEPTED = {
  message:
    "If this email has purchases here, a sign-in link is on its way. It works once and expires in a few minutes. Use the email address you bought with.",
}

/**
 * Static login page (A1): queue the request and answer the same way for every
 * email. The lookup and the email happen in a subscriber (on the worker when
 * there is one), so the answer takes the same time, with the same body,
 * whether or not the email belongs to a customer.
 */
export const POST = async (req: MedusaRequest<StorePortalLoginRequestType>, res: MedusaResponse) => {
  const { business_id, email, locale, mode } = req.validatedBody
  const eventBus: IEventBusModuleService = req.scope.resolve(Modules.EVENT_BUS)
  await eventBus.emit({ name: PortalEvents.LOGIN_REQUESTED, data: { business_id, email, locale: locale ?? "en", mode, ...requestOrigin(req) } })
  res.status(202).json(LOGIN_REQUEST_ACCEPTED)
}

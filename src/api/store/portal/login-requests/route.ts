import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestPortalLoginWorkflow } from "../../../../workflows/request-portal-login"
import type { StorePortalLoginRequestType } from "../validators"

/** The only answer, whether or not the email belongs to a customer (A6). */
export const LOGIN_REQUEST_ACCEPTED = {
  message:
    "If this email has purchases here, a sign-in link is on its way. It works once and expires in a few minutes. Use the email address you bought with.",
}

/** Static login page (A1): queue the request and answer the same way for every email. */
export const POST = async (req: MedusaRequest<StorePortalLoginRequestType>, res: MedusaResponse) => {
  const { business_id, email, locale, mode } = req.validatedBody
  await requestPortalLoginWorkflow(req.scope).run({ input: { business_id, email, locale: locale ?? "en", mode } })
  res.status(202).json(LOGIN_REQUEST_ACCEPTED)
}

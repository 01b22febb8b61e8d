import type { MedusaResponse } from "@medusajs/framework/http"
import type { PortalRequest } from "../../../../../utils/portal-auth"
import { ownLicenseKey } from "../../../../../utils/portal-license"

/** P5: the whole key, when the customer asks to see or copy it. A POST, so it is never cached or prefetched. */
export const POST = async (req: PortalRequest, res: MedusaResponse) => {
  const key = await ownLicenseKey(req.scope, req.portal, req.params.id)
  res.setHeader("Cache-Control", "no-store")
  res.json({ id: key.id, key: key.key })
}

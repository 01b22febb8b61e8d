import "server-only"

import { portalFetch } from "./client"
import type { PortalOrdersResponse } from "./types"

/** `GET /store/portal/orders`: the customer's purchases, newest first; 401 once the session has ended. */
export async function listOrders(
  sessionToken: string,
  { limit = 10, offset = 0 }: { limit?: number; offset?: number } = {}
): Promise<PortalOrdersResponse> {
  return portalFetch<PortalOrdersResponse>("/store/portal/orders", {
    token: sessionToken,
    query: { limit, offset },
  })
}

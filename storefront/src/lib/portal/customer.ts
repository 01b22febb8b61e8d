import "server-only"

import { cache } from "react"
import { portalFetch } from "./client"
import type { PortalMeResponse } from "./types"

/** `GET /store/portal/me`: the signed-in customer; 401 once the session has ended. Cached per request. */
export const getMe = cache(
  async (sessionToken: string): Promise<PortalMeResponse> =>
    portalFetch<PortalMeResponse>("/store/portal/me", { token: sessionToken })
)

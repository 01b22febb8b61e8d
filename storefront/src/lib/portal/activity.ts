import "server-only"

import { portalFetch } from "./client"
import type { PortalActivityList } from "./types"

/** `GET /store/portal/activity`: the customer's recent activity, newest first. */
export async function listActivity(sessionToken: string, { limit = 10, offset = 0 } = {}): Promise<PortalActivityList> {
  return portalFetch<PortalActivityList>("/store/portal/activity", { token: sessionToken, query: { limit, offset } })
}

/** `DELETE /store/portal/sessions`: ends every session of the customer, this one too, and their unused sign-in links. */
export async function signOutEverywhere(sessionToken: string): Promise<void> {
  await portalFetch<unknown>("/store/portal/sessions", { method: "DELETE", token: sessionToken })
}

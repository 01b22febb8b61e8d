import "server-only"

import Medusa, { FetchError, type FetchArgs } from "@medusajs/js-sdk"
import { getPortalConfig } from "./config"

let sdk: Medusa | undefined

export async function getSdk(): Promise<Medusa> {
  if (!sdk) {
    const { backendUrl, publishableKey } = await getPortalConfig()
    sdk = new Medusa({
      baseUrl: backendUrl,
      publishableKey,
      // This instance is shared by every request of the server: it must never hold a
      // customer's token. Portal tokens are passed per call through portalFetch instead.
      auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
    })
  }
  return sdk
}

export type PortalFetchInit = FetchArgs & {
  /** The portal session token of the signed-in customer, if any. */
  token?: string
}

/**
 * Calls a route under `/store/portal/*` and returns its JSON body.
 * Non-2xx answers throw the SDK's `FetchError` (with `status`); see `isFetchError`.
 */
export async function portalFetch<T>(
  path: string,
  { token, headers, ...init }: PortalFetchInit = {}
): Promise<T> {
  const medusa = await getSdk()
  return medusa.client.fetch<T>(path, {
    // Portal answers belong to one customer: never let Next's data cache keep them.
    cache: "no-store",
    ...init,
    headers: {
      ...headers,
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
  })
}

export function isFetchError(error: unknown): error is FetchError {
  return error instanceof FetchError
}

import "server-only"

import { cache } from "react"
import { isFetchError, portalFetch } from "./client"
import { describeError } from "./errors"
import type { PortalBusiness, PortalBusinessResponse } from "./types"

const TIMEOUT_MS = 5_000

export type BusinessLookup =
  | { status: "found"; business: PortalBusiness }
  | { status: "unknown" }
  | { status: "unreachable" }

/**
 * The public branding and mode of a business, telling an unknown business (a page that does
 * not exist) from a backend that cannot be reached. Cached per request.
 */
export const lookUpBusiness = cache(
  async (businessId: string): Promise<BusinessLookup> => {
    try {
      const { business } = await portalFetch<PortalBusinessResponse>(
        `/store/portal/businesses/${encodeURIComponent(businessId)}`,
        { signal: AbortSignal.timeout(TIMEOUT_MS) }
      )
      return { status: "found", business }
    } catch (error) {
      if (isFetchError(error) && error.status === 404) {
        return { status: "unknown" }
      }
      console.error(
        `[portal] business "${businessId}" could not be loaded: ${describeError(error)}`
      )
      return { status: "unreachable" }
    }
  }
)

/**
 * The business, or `null` when the backend does not know it or cannot be reached: callers
 * then show a neutral portal rather than an error page.
 */
export async function getBusiness(businessId: string): Promise<PortalBusiness | null> {
  const lookup = await lookUpBusiness(businessId)
  return lookup.status === "found" ? lookup.business : null
}

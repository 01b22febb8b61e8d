import "server-only"

import { cache } from "react"
import { isFetchError, portalFetch } from "./client"
import type { PortalBusiness, PortalBusinessResponse } from "./types"

const TIMEOUT_MS = 5_000

/**
 * The public branding and mode of a business, or `null` when the backend does not know it
 * or cannot be reached: callers then show a neutral portal rather than an error page.
 * Cached per request, so the layout and the page share one call.
 */
export const getBusiness = cache(
  async (businessId: string): Promise<PortalBusiness | null> => {
    try {
      const { business } = await portalFetch<PortalBusinessResponse>(
        `/store/portal/businesses/${encodeURIComponent(businessId)}`,
        { signal: AbortSignal.timeout(TIMEOUT_MS) }
      )
      return business
    } catch (error) {
      if (isFetchError(error) && error.status === 404) {
        return null
      }
      console.error(
        `[portal] business "${businessId}" could not be loaded: ${describe(error)}`
      )
      return null
    }
  }
)

function describe(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error)
  }
  // Node's fetch hides the useful part (ECONNREFUSED, ENOTFOUND…) in `cause`.
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : ""
  return `${error.message}${cause}`
}

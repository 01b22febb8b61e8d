import "server-only"

import { isFetchError, isUnreachable } from "./client"
import type { PortalFailure } from "./types"

/** Gateway answers mean the same to a customer as no answer at all. */
const GATEWAY_STATUSES = new Set([502, 503, 504])

/**
 * What a page can tell the customer about a failed call that has no meaning of its own for
 * that route (a 429, no answer, anything else). Unexpected failures are logged here.
 */
export function toFailure(error: unknown): PortalFailure {
  if (isFetchError(error) && error.status === 429) {
    return { kind: "rate_limited", retryAfter: error.retryAfter }
  }
  if (isUnreachable(error) || (isFetchError(error) && GATEWAY_STATUSES.has(error.status))) {
    console.error(`[portal] the backend could not be reached: ${describeError(error)}`)
    return { kind: "unreachable" }
  }
  console.error(`[portal] unexpected answer from the backend: ${describeError(error)}`)
  return { kind: "unexpected" }
}

export function describeError(error: unknown): string {
  if (isFetchError(error)) {
    return `${error.status} ${error.message}`
  }
  if (!(error instanceof Error)) {
    return String(error)
  }
  // Node's fetch hides the useful part (ECONNREFUSED, ENOTFOUND…) in `cause`.
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : ""
  return `${error.message}${cause}`
}

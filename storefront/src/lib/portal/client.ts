import "server-only"

import { headers as requestHeaders } from "next/headers"
import { signedClientAddress } from "./client-address"
import { getPortalConfig } from "./config"
import type { PortalErrorBody } from "./types"

const DEFAULT_TIMEOUT_MS = 10_000

export type PortalFetchInit = {
  method?: "GET" | "POST" | "DELETE"
  /** Sent as JSON. */
  body?: unknown
  query?: Record<string, string | number>
  /** The portal session token of the signed-in customer, if any. */
  token?: string
  /** Extra request headers, such as `Idempotency-Key`. */
  headers?: Record<string, string>
  signal?: AbortSignal
}

/**
 * A non-2xx answer. `retryAfter` is the wait in seconds a 429 asks for (null when absent);
 * `message` is the backend's English text, for logs only: pages show their own sentences.
 * `bodyMessage` is the body's own `message` (null without one), for the few routes whose
 * refusals are written for the customer, such as cancelling a subscription. `code` is the
 * body's `code` (null without one), such as why a payment failed.
 */
export class PortalFetchError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly type: string | undefined,
    readonly retryAfter: number | null,
    readonly bodyMessage: string | null = null,
    readonly code: string | null = null
  ) {
    super(message)
    this.name = "PortalFetchError"
  }
}

/**
 * Calls a route under `/store/portal/*` and returns its JSON body. Non-2xx answers throw a
 * `PortalFetchError`; a backend that cannot be reached throws fetch's own error (see `isUnreachable`).
 * Plain fetch rather than the JS SDK: the SDK's error keeps the status but drops `Retry-After`.
 */
export async function portalFetch<T>(
  path: string,
  { method = "GET", body, query, token, headers: extraHeaders, signal }: PortalFetchInit = {}
): Promise<T> {
  const { backendUrl, publishableKey } = await getPortalConfig()
  const url = new URL(path.replace(/^\//, ""), backendUrl.replace(/\/?$/, "/"))
  for (const [key, value] of Object.entries(query ?? {})) {
    url.searchParams.set(key, String(value))
  }

  const headers: Record<string, string> = { ...(await customerOrigin()), ...extraHeaders, accept: "application/json" }
  if (publishableKey) {
    headers["x-publishable-api-key"] = publishableKey
  }
  if (token) {
    headers.authorization = `Bearer ${token}`
  }
  if (body !== undefined) {
    headers["content-type"] = "application/json"
  }

  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    // Portal answers belong to one customer: never let Next's data cache keep them.
    cache: "no-store",
    signal: signal ?? AbortSignal.timeout(DEFAULT_TIMEOUT_MS),
  })

  const payload = await readJson(response)
  if (!response.ok) {
    const error = (payload ?? {}) as PortalErrorBody
    throw new PortalFetchError(
      error.message ?? response.statusText,
      response.status,
      error.type,
      parseRetryAfter(response.headers.get("retry-after")),
      typeof error.message === "string" && error.message.trim() ? error.message.trim() : null,
      typeof error.code === "string" && error.code.trim() ? error.code.trim() : null
    )
  }
  return payload as T
}

export function isFetchError(error: unknown): error is PortalFetchError {
  return error instanceof PortalFetchError
}

/** The backend did not answer at all: refused, unknown host, timed out. */
export function isUnreachable(error: unknown): boolean {
  return (
    error instanceof TypeError ||
    (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError"))
  )
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (!text) {
    return undefined
  }
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** `Retry-After` is either a number of seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | null {
  if (!value) {
    return null
  }
  if (/^\d+$/.test(value.trim())) {
    return Math.max(1, Number(value.trim()))
  }
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(1, Math.ceil((date - Date.now()) / 1000))
}

/**
 * The customer's address and browser, passed on to the backend, so its per-address limits and
 * the audit trail ("signed in from …") see the customer rather than this server. The address goes
 * signed (see `signedClientAddress`); the backend ignores any address it cannot verify.
 * Outside a request (build time) there is nothing to pass on.
 */
async function customerOrigin(): Promise<Record<string, string>> {
  try {
    const incoming = await requestHeaders()
    const origin: Record<string, string> = signedClientAddress(incoming.get("x-forwarded-for"))
    const userAgent = incoming.get("user-agent")
    if (userAgent) origin["user-agent"] = userAgent.slice(0, 300)
    return origin
  } catch {
    return {}
  }
}

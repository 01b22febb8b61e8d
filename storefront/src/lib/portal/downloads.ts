import "server-only"

import { getPortalConfig } from "./config"

/** How long the backend may take to start answering; the file itself may stream for longer. */
const HEADERS_TIMEOUT_MS = 60_000

type DownloadInit = {
  token: string
  query?: Record<string, string>
  /** The incoming request's signal: a visitor who leaves stops the backend call too. */
  signal?: AbortSignal
}

/**
 * Opens a file route under `/store/portal/*` for a route handler to stream on. Unlike
 * `portalFetch` the body is left unread and a non-2xx answer is returned, not thrown: the
 * caller decides what each status means. Null when the backend gave no answer at all.
 */
export async function openPortalDownload(
  path: string,
  { token, query, signal }: DownloadInit
): Promise<Response | null> {
  const { backendUrl, publishableKey } = await getPortalConfig()
  const url = new URL(path.replace(/^\//, ""), backendUrl.replace(/\/?$/, "/"))
  for (const [key, value] of Object.entries(query ?? {})) {
    url.searchParams.set(key, value)
  }

  // A timeout on the headers only: `AbortSignal.timeout` would also cut a long archive mid-stream.
  const slow = new AbortController()
  const timer = setTimeout(() => slow.abort(), HEADERS_TIMEOUT_MS)
  try {
    return await fetch(url, {
      headers: {
        authorization: `Bearer ${token}`,
        ...(publishableKey ? { "x-publishable-api-key": publishableKey } : {}),
      },
      cache: "no-store",
      signal: signal ? AbortSignal.any([signal, slow.signal]) : slow.signal,
    })
  } catch {
    return null
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Headers for a file passed on from the backend: our own type, the backend's file name (or
 * `fallbackName`), and never kept by a shared cache, since the file belongs to one customer.
 */
export function attachmentHeaders(upstream: Response, contentType: string, fallbackName: string): Headers {
  const headers = new Headers({
    "content-type": contentType,
    "content-disposition": upstream.headers.get("content-disposition") ?? `attachment; filename="${fallbackName}"`,
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  })
  // fetch hands on a decoded body: a length measured before decoding would no longer match.
  const length = upstream.headers.get("content-length")
  if (length && !upstream.headers.get("content-encoding")) {
    headers.set("content-length", length)
  }
  return headers
}

/** Frees the connection of an answer whose body is not passed on. */
export async function discard(upstream: Response | null): Promise<void> {
  await upstream?.body?.cancel().catch(() => undefined)
}

import { hasLocale } from "next-intl"
import { notFound } from "next/navigation"
import { routing } from "@/i18n/routing"
import { attachmentHeaders, discard, openPortalDownload } from "@/lib/portal/downloads"
import type { PdfExportFailure } from "@/lib/portal/pdf-export"
import { getSessionToken } from "@/lib/portal/session"
import type { PortalErrorBody } from "@/lib/portal/types"

type Context = { params: Promise<{ locale: string }> }

/**
 * The PDFs of every invoice the billing filters match, as one ZIP streamed from the backend.
 * Called with `fetch` by the download button, so a failure is answered with its status and a
 * `{ code }` the button turns into a sentence, never with a redirect.
 */
export async function GET(request: Request, { params }: Context) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) {
    notFound()
  }
  const token = await getSessionToken()
  if (!token) {
    return failure(401, "session_ended")
  }
  const asked = new URL(request.url).searchParams
  const query: Record<string, string> = {}
  for (const key of ["status", "from", "to"]) {
    const value = asked.get(key)?.trim()
    if (value) query[key] = value
  }
  query.locale = locale

  const upstream = await openPortalDownload("/store/portal/exports/invoice-pdfs", {
    token,
    query,
    signal: request.signal,
  })
  if (!upstream) {
    return failure(502, "unavailable")
  }
  if (upstream.ok && upstream.body) {
    return new Response(upstream.body, {
      headers: attachmentHeaders(upstream, "application/zip", "invoices.zip"),
    })
  }
  const code = await failureOf(upstream)
  const retryAfter = upstream.status === 429 ? upstream.headers.get("retry-after") : null
  return failure(upstream.ok ? 502 : upstream.status, code, retryAfter)
}

/** What a refusal from the backend means to the customer. Reads or frees the body. */
async function failureOf(upstream: Response): Promise<PdfExportFailure> {
  if (upstream.status === 400) {
    const body = (await upstream.json().catch(() => null)) as PortalErrorBody | null
    // The backend's sentence for a range over the archive limit says what "one download holds".
    return /one download holds/i.test(body?.message ?? "") ? "too_many" : "bad_filter"
  }
  await discard(upstream)
  switch (upstream.status) {
    case 401:
      return "session_ended"
    case 404:
      return "empty"
    case 429:
      return "rate_limited"
    default:
      return "unavailable"
  }
}

function failure(status: number, code: PdfExportFailure, retryAfter?: string | null): Response {
  return Response.json(
    { code },
    {
      status,
      headers: {
        "cache-control": "private, no-store",
        ...(retryAfter ? { "retry-after": retryAfter } : {}),
      },
    }
  )
}

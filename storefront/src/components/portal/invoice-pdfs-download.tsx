"use client"

import { Alert, clx, Text } from "@medusajs/ui"
import { useFormatter, useLocale, useTranslations } from "next-intl"
import { useEffect, useId, useRef, useState, type ReactNode } from "react"
import { isPdfExportFailure, PDF_EXPORT_LIMIT, type PdfExportFailure } from "@/lib/portal/pdf-export"
import { DOWNLOAD_CONTROL } from "./download-styles"

type Props = {
  /** The archive route handler, with the list's filters. */
  href: string
  /** How many invoices the filters match across all pages. */
  count: number
  /** The other downloads of the page, shown in the same row before this button. */
  children?: ReactNode
}

type State =
  | { kind: "idle" }
  /** `received` is null until the backend starts sending the archive. */
  | { kind: "busy"; received: number | null }
  | { kind: "ready"; filename: string }
  | { kind: "failed"; failure: Exclude<PdfExportFailure, "session_ended"> }

/** How often the byte count changes: often enough to see it move, rarely enough to be read out. */
const PROGRESS_INTERVAL_MS = 1000

/**
 * Downloads the PDFs of the filtered invoices as one ZIP. A plain link would leave the customer
 * without a sign of life for the minute a large archive can take, so the file is fetched here,
 * its progress told in a live region, and saved once complete.
 */
export function InvoicePdfsDownload({ href, count, children }: Props) {
  const t = useTranslations("Billing")
  const format = useFormatter()
  const locale = useLocale()
  const hintId = useId()
  const [state, setState] = useState<State>({ kind: "idle" })
  const running = useRef<AbortController | null>(null)

  // A customer who leaves the page (or changes the filters, which remounts this) stops the download.
  useEffect(() => () => running.current?.abort(), [])

  const empty = count === 0
  const busy = state.kind === "busy"

  async function download() {
    if (empty || running.current) {
      return
    }
    const controller = new AbortController()
    running.current = controller
    setState({ kind: "busy", received: null })
    try {
      const response = await fetch(href, { cache: "no-store", signal: controller.signal })
      if (!response.ok) {
        const failure = await failureOf(response)
        if (failure === "session_ended") {
          // A route handler: it clears the cookie and sends the customer to sign in again.
          window.location.assign(`/${locale}/portal/session-expired`)
          return
        }
        setState({ kind: "failed", failure })
        return
      }
      const blob = await readWithProgress(response, (received) => setState({ kind: "busy", received }))
      const filename = filenameOf(response.headers.get("content-disposition")) ?? "invoices.zip"
      save(blob, filename)
      setState({ kind: "ready", filename })
    } catch {
      if (!controller.signal.aborted) {
        setState({ kind: "failed", failure: "unavailable" })
      }
    } finally {
      if (running.current === controller) {
        running.current = null
      }
    }
  }

  const size = (bytes: number) =>
    bytes < 1_000_000
      ? format.number(bytes / 1000, { style: "unit", unit: "kilobyte", maximumFractionDigits: bytes < 10_000 ? 1 : 0 })
      : format.number(bytes / 1_000_000, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 })

  return (
    <div className="flex flex-col sm:items-end">
      <div className="flex flex-wrap items-center gap-2">
        {children}
        {/* aria-disabled rather than disabled: the button keeps its focus while busy, and stays
            reachable with its explanation when there is nothing to download. */}
        <button
          type="button"
          onClick={download}
          aria-disabled={empty || busy || undefined}
          aria-describedby={empty ? hintId : undefined}
          className={clx(
            DOWNLOAD_CONTROL,
            "inline-flex items-center gap-x-2",
            "aria-disabled:cursor-not-allowed aria-disabled:text-ui-fg-disabled aria-disabled:hover:bg-transparent"
          )}
        >
          {busy && (
            <span
              aria-hidden="true"
              className="size-3.5 shrink-0 animate-spin rounded-full border-2 border-current border-e-transparent"
            />
          )}
          {t("exportPdfs")}
        </button>
      </div>
      {empty && (
        <Text id={hintId} size="small" className="mt-2 text-start text-ui-fg-subtle">
          {t("exportNone")}
        </Text>
      )}
      <div
        role="status"
        aria-live="polite"
        className="txt-compact-small text-start text-ui-fg-subtle sm:max-w-sm [&:not(:empty)]:mt-2"
      >
        {state.kind === "busy" && (
          <>
            <p>{t("exportPreparing", { count })}</p>
            {state.received !== null && (
              <p className="tabular-nums">{t("exportReceived", { size: size(state.received) })}</p>
            )}
          </>
        )}
        {state.kind === "ready" && (
          <p className="text-ui-fg-base">
            {t.rich("exportReady", {
              filename: state.filename,
              file: (chunks) => <bdi dir="ltr">{chunks}</bdi>,
            })}
          </p>
        )}
        {state.kind === "failed" && (
          <Alert variant="error" className="text-ui-fg-base">
            {state.failure === "too_many"
              ? t("exportErrors.too_many", { limit: PDF_EXPORT_LIMIT })
              : t(`exportErrors.${state.failure}`)}
          </Alert>
        )}
      </div>
    </div>
  )
}

/** The `{ code }` of the handler's refusal; its status alone when the body is not ours. */
async function failureOf(response: Response): Promise<PdfExportFailure> {
  const body: unknown = await response.json().catch(() => null)
  const code = body && typeof body === "object" && "code" in body ? body.code : undefined
  if (isPdfExportFailure(code)) {
    return code
  }
  return response.status === 401 ? "session_ended" : "unavailable"
}

/** The whole body as a blob, telling `onProgress` the bytes so far now and then. */
async function readWithProgress(response: Response, onProgress: (received: number) => void): Promise<Blob> {
  const type = response.headers.get("content-type") ?? "application/zip"
  const reader = response.body?.getReader()
  if (!reader) {
    return response.blob()
  }
  const chunks: BlobPart[] = []
  let received = 0
  let shownAt = 0
  onProgress(0)
  for (;;) {
    const { done, value } = await reader.read()
    if (done) {
      break
    }
    chunks.push(value)
    received += value.byteLength
    if (Date.now() - shownAt >= PROGRESS_INTERVAL_MS) {
      shownAt = Date.now()
      onProgress(received)
    }
  }
  onProgress(received)
  return new Blob(chunks, { type })
}

/** The name from `Content-Disposition`, preferring the UTF-8 `filename*`; no folders. */
function filenameOf(disposition: string | null): string | null {
  if (!disposition) {
    return null
  }
  let name: string | undefined
  const encoded = /filename\*\s*=\s*utf-8''([^;]+)/i.exec(disposition)?.[1]
  if (encoded) {
    try {
      name = decodeURIComponent(encoded.trim())
    } catch {
      // Badly encoded: the plain `filename` below may still be there.
    }
  }
  name ??= /filename\s*=\s*"([^"]*)"/i.exec(disposition)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(disposition)?.[1]
  const safe = name?.replace(/[/\\]/g, "_").trim()
  return safe ? safe : null
}

/** Hands the blob to the browser's downloads through a temporary link. */
function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement("a")
  link.href = url
  link.download = filename
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Revoking at once can cancel the save in some browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

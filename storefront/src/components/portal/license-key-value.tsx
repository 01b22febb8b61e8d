"use client"

import { Alert, Button } from "@medusajs/ui"
import { useLocale, useTranslations } from "next-intl"
import { useEffect, useId, useRef, useState, type ReactNode } from "react"
import type { PortalFailure } from "@/lib/portal/types"
import { FailureMessage } from "./failure-message"

/** What the reveal action answers. */
export type RevealResult =
  | { status: "revealed"; key: string }
  | { status: "not_found" }
  | { status: "failed"; failure: PortalFailure }
  | { status: "session_ended" }

type Props = {
  licenseKeyId: string
  /** The product the key is for, in the buttons' accessible names. */
  product: string
  /** What the page shows before "Reveal": the key with all but its ends hidden. */
  maskedKey: string
  revealAction: (licenseKeyId: string) => Promise<RevealResult>
}

/** What the line under the buttons says. */
type Message = "copied" | "copy_manually"

type Problem = { kind: "not_found" } | { kind: "failed"; failure: PortalFailure }

// aria-disabled rather than disabled: a busy button keeps its focus, so a screen reader stays on it.
const BUSY_BUTTON = "aria-disabled:cursor-wait aria-disabled:opacity-70"

/** Words only a screen reader reads, such as the product a button is for. */
const hidden = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>

/** A product or device name from the store, in any script: isolated, so it keeps its order. */
export const isolated = (chunks: ReactNode) => <bdi dir="auto">{chunks}</bdi>

/**
 * A license key, masked, with "Reveal" (the whole key in place, then "Hide") and "Copy". The whole
 * key is asked for only on a press, through the server action, and lives in this component's
 * state alone: never in the page's HTML, an address or a log. When the clipboard refuses, the key
 * is shown selected and the customer is told to copy it with the keyboard.
 */
export function LicenseKeyValue({ licenseKeyId, product, maskedKey, revealAction }: Props) {
  const t = useTranslations("LicenseKeyActions")
  const locale = useLocale()
  const ids = useId()
  const [key, setKey] = useState<string | null>(null)
  const [shown, setShown] = useState(false)
  const [busy, setBusy] = useState<"reveal" | "copy" | null>(null)
  const [message, setMessage] = useState<Message | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  // Bumped when the key must be selected for a copy by hand, once it is on the page.
  const [selectRequest, setSelectRequest] = useState(0)
  const [mac, setMac] = useState(false)
  const keyRef = useRef<HTMLElement>(null)
  const keyId = `${ids}-key`

  useEffect(() => {
    setMac(/Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent))
  }, [])

  useEffect(() => {
    const element = keyRef.current
    if (selectRequest === 0 || !element) {
      return
    }
    element.focus()
    window.getSelection()?.selectAllChildren(element)
  }, [selectRequest])

  /** The whole key, from this page's memory or from the backend; null once a problem is shown. */
  async function loadKey(): Promise<string | null> {
    if (key) {
      return key
    }
    const result = await callAction(() => revealAction(licenseKeyId))
    switch (result.status) {
      case "revealed":
        setKey(result.key)
        return result.key
      case "session_ended":
        // A route handler: it clears the cookie and sends the customer to sign in again.
        window.location.assign(`/${locale}/portal/session-expired`)
        return null
      case "not_found":
        setProblem({ kind: "not_found" })
        return null
      default:
        setProblem({ kind: "failed", failure: result.failure })
        return null
    }
  }

  function toggle() {
    if (busy) {
      return
    }
    setMessage(null)
    setProblem(null)
    if (shown) {
      setShown(false)
      return
    }
    if (key) {
      setShown(true)
      return
    }
    setBusy("reveal")
    void loadKey().then((value) => {
      setBusy(null)
      if (value) {
        setShown(true)
      }
    })
  }

  function copy() {
    if (busy) {
      return
    }
    setMessage(null)
    setProblem(null)
    setBusy("copy")
    const value = key ?? loadKey()
    // Started within the press itself: some browsers allow the clipboard nothing later.
    const written = writeClipboard(value)
    void Promise.all([value, written]).then(([text, ok]) => {
      setBusy(null)
      if (!text) {
        return
      }
      if (ok) {
        setMessage("copied")
        return
      }
      setShown(true)
      setMessage("copy_manually")
      setSelectRequest((request) => request + 1)
    })
  }

  const names = { product, hidden, name: isolated }

  return (
    <div className="flex flex-col">
      <div className="flex flex-wrap items-center gap-2">
        <p className="min-w-0">
          <span className="sr-only">{t("keyLabel")}: </span>
          {/* Latin and left to right in both languages; read out when it changes to the whole key. */}
          <bdi
            ref={keyRef}
            id={keyId}
            dir="ltr"
            tabIndex={-1}
            aria-live="polite"
            className="txt-compact-small inline-block select-all break-all rounded-md bg-ui-bg-subtle px-2 py-1 font-mono text-ui-fg-base shadow-borders-base outline-none focus-visible:shadow-borders-focus"
          >
            {shown && key ? key : maskedKey}
          </bdi>
        </p>
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            size="small"
            variant="secondary"
            onClick={toggle}
            aria-controls={keyId}
            aria-disabled={busy !== null || undefined}
            className={BUSY_BUTTON}
          >
            {busy === "reveal" && <Spinner />}
            <span>{shown && key ? t.rich("hide", names) : t.rich("reveal", names)}</span>
          </Button>
          <Button
            type="button"
            size="small"
            variant="secondary"
            onClick={copy}
            aria-disabled={busy !== null || undefined}
            className={BUSY_BUTTON}
          >
            {busy === "copy" && <Spinner />}
            <span>{t.rich("copy", names)}</span>
          </Button>
        </div>
      </div>
      {/* Always in place, so what fills them is announced. */}
      <div role="status" aria-live="polite" className="txt-compact-small text-ui-fg-subtle [&:not(:empty)]:mt-2">
        {message === "copied" && t("copied")}
        {message === "copy_manually" && t("copyManually", { platform: mac ? "mac" : "other" })}
      </div>
      <div role="alert" className="[&:not(:empty)]:mt-2">
        {problem && (
          <Alert variant="error">
            {problem.kind === "not_found" ? t("keyNotFound") : <FailureMessage failure={problem.failure} />}
          </Alert>
        )}
      </div>
    </div>
  )
}

/**
 * Writes to the clipboard; the text may still be on its way from the backend. False when the
 * browser refuses (no clipboard, an insecure page, no permission) or there is no text.
 */
async function writeClipboard(text: string | Promise<string | null>): Promise<boolean> {
  const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard
  if (!clipboard) {
    return false
  }
  if (typeof text !== "string" && typeof ClipboardItem !== "undefined" && typeof clipboard.write === "function") {
    // A clipboard item may wait for its text, so the write starts while the press still counts.
    const blob = text.then((value) => {
      if (!value) {
        throw new Error("no text to copy")
      }
      return new Blob([value], { type: "text/plain" })
    })
    blob.catch(() => undefined)
    try {
      await clipboard.write([new ClipboardItem({ "text/plain": blob })])
      return true
    } catch {
      // Not every browser takes a pending item: writing the text once it is here may still work.
    }
  }
  const value = await text
  if (!value) {
    return false
  }
  try {
    await clipboard.writeText(value)
    return true
  } catch {
    return false
  }
}

/** Calls a server action; a request that never got an answer reads as a store that cannot be reached. */
export async function callAction<T>(call: () => Promise<T>): Promise<T | { status: "failed"; failure: PortalFailure }> {
  try {
    return await call()
  } catch {
    return { status: "failed", failure: { kind: "unreachable" } }
  }
}

export function Spinner() {
  return (
    <span
      aria-hidden="true"
      className="size-3.5 shrink-0 animate-spin rounded-full border-2 border-current border-e-transparent"
    />
  )
}

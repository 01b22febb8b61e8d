"use client"

import { Button, Heading, Text } from "@medusajs/ui"
import { useEffect, useRef, useState, type ReactNode } from "react"
import { Link } from "@/i18n/navigation"
import { useLinkToken } from "./use-link-token"

export type LinkPreviewState<P> = { status: "reading" } | { status: "missing" } | { status: "ready"; token: string; preview: P }

/**
 * The link's token from the fragment, then what the link will do (`look`, a server action that
 * reads it without using it); `unreachable` when that cannot be asked. Opening the page (and an
 * email scanner opening it) uses nothing: only the panel's button posts the token.
 */
export function useLinkPreview<P>(look: (token: string) => Promise<P>, unreachable: P): LinkPreviewState<P> {
  const link = useLinkToken()
  const [looked, setLooked] = useState<{ token: string; preview: P } | null>(null)
  const token = link.status === "found" ? link.token : null

  useEffect(() => {
    if (!token) return
    let current = true
    look(token).then(
      (preview) => current && setLooked({ token, preview }),
      () => current && setLooked({ token, preview: unreachable })
    )
    return () => {
      current = false
    }
  }, [token, look, unreachable])

  if (link.status === "missing") return { status: "missing" }
  if (!token || looked?.token !== token) return { status: "reading" }
  return { status: "ready", token, preview: looked.preview }
}

const HEADING_ID = "link-entry-heading"

/** While the page reads its link: the page's heading, and what it is doing. */
export function LinkReading({ heading, status }: { heading: ReactNode; status: string }) {
  return (
    <section aria-labelledby={HEADING_ID} className="flex max-w-xl flex-col items-start gap-y-4 text-start">
      <Heading level="h1" id={HEADING_ID}>
        {heading}
      </Heading>
      <Text role="status" className="text-ui-fg-subtle">
        {status}
      </Text>
    </section>
  )
}

type IncompleteProps = { heading: string; body: string; action: string; href: string }

/** A link page opened without its token (or with one cut short): what happened, and where to get a new link. */
export function LinkIncomplete({ heading, body, action, href }: IncompleteProps) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    headingRef.current?.focus()
  }, [])
  return (
    <section aria-labelledby={HEADING_ID} className="flex max-w-xl flex-col items-start gap-y-4 text-start">
      {/* A plain h1 with Heading's classes: Heading does not pass a ref on, and focus moves here. */}
      <h1 id={HEADING_ID} ref={headingRef} tabIndex={-1} className="h1-core font-sans font-medium outline-none">
        {heading}
      </h1>
      <Text className="text-ui-fg-subtle">{body}</Text>
      <Button asChild variant="primary" size="large" className="mt-2">
        <Link href={href}>{action}</Link>
      </Button>
    </section>
  )
}

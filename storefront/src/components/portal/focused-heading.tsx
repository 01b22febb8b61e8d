"use client"

import { useEffect, useRef, type ReactNode } from "react"

/**
 * The page's h1, focused when the page opens, so a result page is what a screen reader reads
 * first. A plain h1 with Heading's classes: Heading does not pass a ref on.
 */
export function FocusedHeading({ id, children }: { id?: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    ref.current?.focus()
  }, [])

  return (
    <h1 id={id} ref={ref} tabIndex={-1} className="h1-core font-sans font-medium text-ui-fg-base outline-none">
      {children}
    </h1>
  )
}

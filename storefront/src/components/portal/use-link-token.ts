"use client"

import { useEffect, useRef, useState } from "react"
import { isLinkFragment, tokenFromFragment } from "@/lib/portal/link-token"

/** What the address's fragment gave: not read yet (on the server, before hydration), no whole token, or one. */
export type LinkToken = { status: "reading" } | { status: "missing" } | { status: "found"; token: string }

/** Reads the token of `#t=…`, then takes the fragment out of the address bar and this history entry. */
function takeToken(): string | null {
  const { hash, pathname, search } = window.location
  const token = tokenFromFragment(hash)
  if (isLinkFragment(hash)) {
    window.history.replaceState(window.history.state, "", `${pathname}${search}`)
  }
  return token
}

/**
 * The one-time link's token, from the fragment of the address the page was opened with (or of
 * one opened later in the same tab). Only the browser ever has it: the page posts it when the
 * customer presses the button, and reading it uses nothing.
 */
export function useLinkToken(): LinkToken {
  const [link, setLink] = useState<LinkToken>({ status: "reading" })
  // Kept across React's second run of effects in development, when the fragment is already gone.
  const taken = useRef<string | null | undefined>(undefined)

  useEffect(() => {
    if (taken.current === undefined) {
      taken.current = takeToken()
    }
    setLink(taken.current ? { status: "found", token: taken.current } : { status: "missing" })
    const onHashChange = () => {
      if (!isLinkFragment(window.location.hash)) return
      taken.current = takeToken()
      setLink(taken.current ? { status: "found", token: taken.current } : { status: "missing" })
    }
    window.addEventListener("hashchange", onHashChange)
    return () => window.removeEventListener("hashchange", onHashChange)
  }, [])

  return link
}

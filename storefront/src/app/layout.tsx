import type { ReactNode } from "react"
import "./globals.css"

// `<html>` is rendered by app/[locale]/layout.tsx, which knows the language and direction.
// This pass-through layout only exists so that app/not-found.tsx has a parent.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children
}

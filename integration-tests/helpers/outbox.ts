import fs from "node:fs"
import os from "node:os"
import path from "node:path"

export type OutboxEmail = { to: string; template: string; subject: string; data: Record<string, unknown>; html: string; text: string }

/** A fresh folder for the file notification provider; set before the app boots. */
export function useOutbox(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-outbox-"))
  process.env.PORTAL_EMAIL_OUTBOX = dir
  return dir
}

export function readOutbox(dir: string): OutboxEmail[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const meta = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"))
      return { ...meta, html: fs.readFileSync(meta.html, "utf8"), text: fs.readFileSync(meta.text, "utf8") }
    })
}

export function clearOutbox(dir: string) {
  for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f))
}

/** Waits until `count` emails to `to` are in the outbox (they are sent by a subscriber, after the answer). */
export async function waitForEmails(dir: string, to: string, count = 1, timeoutMs = 10_000): Promise<OutboxEmail[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = readOutbox(dir).filter((e) => e.to === to)
    if (found.length >= count) return found
    if (Date.now() > deadline) throw new Error(`Expected ${count} email(s) to ${to}, found ${found.length}.`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** A one-time link as the store writes it: the page, then the token in the fragment (`#t=`). */
const LINK = (page: string) => new RegExp(`https?://\\S+/portal/${page}#t=[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`)

/** The one-time sign-in link in an email's text. */
export function linkIn(email: OutboxEmail): string {
  const match = email.text.match(LINK("access"))
  if (!match) throw new Error(`No portal link in: ${email.text}`)
  return match[0]
}

/** The link of an email change (to confirm it, or to undo it) in an email's text. */
export function verifyLinkIn(email: OutboxEmail): string {
  const match = email.text.match(LINK("verify-email"))
  if (!match) throw new Error(`No email change link in: ${email.text}`)
  return match[0]
}

/** The token of a one-time link: from its fragment, which no request to a server carries. */
export function tokenOf(link: string): string {
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get("t")
  if (!token) throw new Error(`No token in the fragment of: ${link}`)
  return token
}

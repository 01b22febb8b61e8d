import { logger } from "@medusajs/framework/logger"
import { lookup as dnsLookup } from "node:dns/promises"
import https from "node:https"
import { isIP, type LookupFunction } from "node:net"
import { rootCertificates } from "node:tls"
import { isPublicAddress } from "./address-checks"

/**
 * The store's logo for invoices, fetched from the URL in the portal settings.
 * Rendering never waits on the network more than once per hour per URL: the
 * bytes (or the failure) are kept in memory, a fetch is shared by everyone
 * waiting for it, and it gives up after a few seconds. Only PNG and JPEG
 * (what a PDF can embed) under 1 MB are used; anything else means an
 * invoice without a logo, never a failed download.
 *
 * The URL is the merchant's, but the server fetches it, so it may reach only
 * the public internet (L5): https only; every address the host resolves to
 * must be public (`isPublicAddress`), and the connection goes to the address
 * that was checked — the socket's own lookup does the check, so a DNS answer
 * that changes between check and connect (rebinding) cannot slip past it.
 * Redirects are followed by hand, a few at most, each checked the same way.
 */

const MAX_BYTES = 1_000_000
const TIMEOUT_MS = 3_000
const MAX_REDIRECTS = 3
const KEEP_MS = 60 * 60_000
const RETRY_MS = 5 * 60_000
/** The cache holds at most this many URLs and bytes; the least recently used go first. */
const MAX_ENTRIES = 32
const MAX_CACHED_BYTES = 8 * MAX_BYTES

/** How a host's name becomes addresses, and which of them may be used; tests swap these. */
export type LogoFetchPolicy = {
  resolve: (host: string) => Promise<{ address: string; family: number }[]>
  allows: (address: string) => boolean
  /** Extra trusted certificates (a test server's); the system's are always trusted. */
  ca?: string | Buffer
}

export const PUBLIC_INTERNET: LogoFetchPolicy = {
  resolve: (host) => dnsLookup(host, { all: true, verbatim: true }),
  allows: isPublicAddress,
}

export class LogoRefused extends Error {}

/**
 * A socket lookup that resolves every address of the host and refuses them
 * all if any one is not allowed (an attacker's name could otherwise list a
 * public and a private address and let the connection pick).
 */
function checkedLookup(policy: LogoFetchPolicy): LookupFunction {
  return ((host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    policy
      .resolve(host)
      .then((addresses) => {
        const blocked = addresses.find((a) => !policy.allows(a.address))
        if (!addresses.length || blocked) {
          throw new LogoRefused(`${host} resolves to ${blocked?.address ?? "no address"}, which is not on the public internet`)
        }
        if (options?.all) callback(null, addresses)
        else callback(null, addresses[0].address, addresses[0].family)
      })
      .catch((error) => callback(error))
  }) as LookupFunction
}

type Hop = { status: number; location?: string; body?: Buffer }

function get(url: URL, policy: LogoFetchPolicy, signal: AbortSignal): Promise<Hop> {
  const host = url.hostname.replace(/^\[|\]$/g, "")
  // An IP literal is connected to without a lookup, so it is checked here.
  if (isIP(host) && !policy.allows(host)) return Promise.reject(new LogoRefused(`${host} is not on the public internet`))
  return new Promise((resolve, reject) => {
    const request = https.get(
      url,
      { lookup: checkedLookup(policy), signal, ca: policy.ca ? [...rootCertificates, policy.ca] : undefined, headers: { accept: "image/png, image/jpeg" } },
      (response) => {
        const status = response.statusCode ?? 0
        if (status >= 300 && status < 400) {
          response.resume()
          return resolve({ status, location: response.headers.location })
        }
        if (status !== 200 || Number(response.headers["content-length"] ?? 0) > MAX_BYTES) {
          response.destroy()
          return resolve({ status })
        }
        const chunks: Buffer[] = []
        let size = 0
        response.on("data", (chunk: Buffer) => {
          size += chunk.length
          if (size > MAX_BYTES) return response.destroy(new LogoRefused(`the image is over ${MAX_BYTES} bytes`))
          chunks.push(chunk)
        })
        response.on("end", () => resolve({ status, body: Buffer.concat(chunks) }))
        response.on("error", reject)
      }
    )
    request.on("error", reject)
  })
}

const isPng = (b: Buffer) => b.length > 8 && b.readUInt32BE(0) === 0x89504e47
const isJpeg = (b: Buffer) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff

/**
 * Downloads a logo under `policy`: the bytes of a PNG or JPEG, or why not.
 * A refusal (an address off the public internet, a non-https URL or hop) is
 * told apart from a plain failure, so that it can be logged.
 */
export async function downloadLogo(url: string, policy: LogoFetchPolicy = PUBLIC_INTERNET): Promise<{ logo: Buffer | null; refused?: string }> {
  const signal = AbortSignal.timeout(TIMEOUT_MS)
  let current: URL
  try {
    current = new URL(url)
  } catch {
    return { logo: null, refused: "it is not a URL" }
  }
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (current.protocol !== "https:") return { logo: null, refused: `${current.protocol}// is not https://` }
      const answer = await get(current, policy, signal)
      if (answer.location === undefined) {
        return { logo: answer.body && (isPng(answer.body) || isJpeg(answer.body)) ? answer.body : null }
      }
      current = new URL(answer.location, current)
    }
    return { logo: null, refused: `it redirects more than ${MAX_REDIRECTS} times` }
  } catch (error) {
    return error instanceof LogoRefused ? { logo: null, refused: error.message } : { logo: null }
  }
}

type Entry = { at: number; logo: Buffer | null; pending?: Promise<Buffer | null> }
const entries = new Map<string, Entry>()

/** Drops the least recently used entries (a Map iterates in insertion order) until both limits hold. */
function evict() {
  let bytes = [...entries.values()].reduce((sum, e) => sum + (e.logo?.length ?? 0), 0)
  for (const [url, entry] of entries) {
    if (entries.size <= MAX_ENTRIES && bytes <= MAX_CACHED_BYTES) break
    if (entry.pending) continue
    entries.delete(url)
    bytes -= entry.logo?.length ?? 0
  }
}

/** The URLs whose refusal was logged, so that a refused logo is logged once, not on every invoice. */
const logged = new Set<string>()

/** The logo's bytes, or null when there is none or it cannot be used. */
export async function invoiceLogo(url: string | null | undefined, now = Date.now(), policy: LogoFetchPolicy = PUBLIC_INTERNET): Promise<Buffer | null> {
  if (!url) return null
  const entry = entries.get(url)
  if (entry?.pending) return entry.pending
  if (entry && now - entry.at < (entry.logo ? KEEP_MS : RETRY_MS)) {
    entries.delete(url)
    entries.set(url, entry)
    return entry.logo
  }
  const pending = downloadLogo(url, policy).then(({ logo, refused }) => {
    if (refused && !logged.has(url)) {
      if (logged.size >= MAX_ENTRIES) logged.clear()
      logged.add(url)
      logger.warn(`Customer portal: the invoice logo ${url} is left out of PDFs: ${refused}.`)
    }
    entries.delete(url)
    entries.set(url, { at: Date.now(), logo })
    evict()
    return logo
  })
  entries.delete(url)
  entries.set(url, { at: now, logo: entry?.logo ?? null, pending })
  return pending
}

/** How many logos the cache holds, and their bytes (for tests and diagnostics). */
export function logoCacheSize(): { entries: number; bytes: number } {
  return { entries: entries.size, bytes: [...entries.values()].reduce((sum, e) => sum + (e.logo?.length ?? 0), 0) }
}

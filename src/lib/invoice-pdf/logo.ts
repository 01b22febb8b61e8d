/**
 * The store's logo for invoices, fetched from the URL in the portal settings.
 * Rendering never waits on the network more than once per hour per URL: the
 * bytes (or the failure) are kept in memory, a fetch is shared by everyone
 * waiting for it, and it gives up after a few seconds. Only PNG and JPEG
 * (what a PDF can embed) under 1 MB are used; anything else means an
 * invoice without a logo, never a failed download.
 */

const MAX_BYTES = 1_000_000
const TIMEOUT_MS = 3_000
const KEEP_MS = 60 * 60_000
const RETRY_MS = 5 * 60_000

type Entry = { at: number; logo: Buffer | null; pending?: Promise<Buffer | null> }
const entries = new Map<string, Entry>()

const isPng = (b: Buffer) => b.length > 8 && b.readUInt32BE(0) === 0x89504e47
const isJpeg = (b: Buffer) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff

async function download(url: string): Promise<Buffer | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "follow" })
    if (!response.ok || !response.body) return null
    if (Number(response.headers.get("content-length") ?? 0) > MAX_BYTES) return null
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length
      if (size > MAX_BYTES) return null
      chunks.push(Buffer.from(chunk))
    }
    const bytes = Buffer.concat(chunks)
    return isPng(bytes) || isJpeg(bytes) ? bytes : null
  } catch {
    return null
  }
}

/** The logo's bytes, or null when there is none or it cannot be used. */
export async function invoiceLogo(url: string | null | undefined, now = Date.now()): Promise<Buffer | null> {
  if (!url || !/^https?:\/\//i.test(url)) return null
  const entry = entries.get(url)
  if (entry?.pending) return entry.pending
  if (entry && now - entry.at < (entry.logo ? KEEP_MS : RETRY_MS)) return entry.logo
  const pending = download(url).then((logo) => {
    entries.set(url, { at: Date.now(), logo })
    return logo
  })
  entries.set(url, { at: now, logo: entry?.logo ?? null, pending })
  return pending
}

import { readFileSync } from "node:fs"
import type * as fontkit from "fontkit"

/**
 * The typefaces embedded in invoices (SIL Open Font License, shipped as npm
 * packages), each regular and bold:
 *
 * - Tajawal for everything it covers: Arabic and Western European Latin. It
 *   draws every Arabic letter form as a glyph of its own, so the text copied
 *   out of a PDF (and read by `pdftotext`) is the text written — typefaces
 *   that build letters from shared dotless bodies lose that — and it lays
 *   text out several times faster than the larger families.
 * - Noto Sans for the rest (Central European and Vietnamese Latin, Greek,
 *   Cyrillic, more currency signs), chosen piece by piece.
 *
 * Fonts are read and parsed once per process; every PDF embeds only the
 * glyphs it uses.
 */

const FILES = {
  primary: {
    normal: "@expo-google-fonts/tajawal/400Regular/Tajawal_400Regular.ttf",
    bold: "@expo-google-fonts/tajawal/700Bold/Tajawal_700Bold.ttf",
  },
  fallback: {
    normal: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
    bold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
  },
} as const

type Role = keyof typeof FILES
type Weight = "normal" | "bold"

export const FAMILIES: Record<Role, string> = { primary: "Tajawal", fallback: "NotoSans" }

type Face = { name: string; data: Buffer; font: fontkit.Font }
let faces: Record<Role, Record<Weight, Face>> | null = null

type Position = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }
type Run = { glyphs: unknown[]; positions: Position[] }
type Layout = (this: fontkit.Font, text: string, ...rest: unknown[]) => Run
const LAYOUT_CACHE_LIMIT = 20_000
const PATCHED = Symbol.for("medusa-customer-portal.invoice-pdf.layout-cache")

/**
 * Laying a word out (shaping, kerning) is the dearest step of a render, and
 * pdfkit opens a new font object for every document, so it would lay the
 * same words out again each time. The layouts of strings in our own faces
 * (recognised by their very file buffer, whichever font object reads it) are
 * kept per face, and each caller gets fresh copies of the positions, which
 * pdfkit scales in place. Glyph ids and metrics do not depend on the object
 * that read them. Other fonts are untouched.
 */
function rememberLayouts(sample: fontkit.Font, faceOf: Map<unknown, string>) {
  const proto = Object.getPrototypeOf(sample) as { layout: Layout; [PATCHED]?: true }
  if (proto[PATCHED]) return
  const layout = proto.layout
  const runs = new Map<string, Run>()
  proto.layout = function (this: fontkit.Font & { stream?: { buffer?: unknown } }, text: string, ...rest: unknown[]) {
    const face = faceOf.get(this.stream?.buffer)
    if (!face || rest.some((arg) => arg !== undefined)) return layout.call(this, text, ...rest)
    const key = `${face}\u0000${text}`
    let run = runs.get(key)
    if (!run) {
      const fresh = layout.call(this, text)
      run = { glyphs: fresh.glyphs, positions: fresh.positions.map((p) => ({ ...p })) }
      if (runs.size >= LAYOUT_CACHE_LIMIT) runs.clear()
      runs.set(key, run)
    }
    const positions = run.positions.map((p) => ({ ...p }))
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((sum, p) => sum + p.xAdvance, 0)
      },
    }
  }
  proto[PATCHED] = true
}

function load() {
  if (!faces) {
    const { create } = require("fontkit") as typeof fontkit
    const face = (role: Role, weight: Weight): Face => {
      const data = readFileSync(require.resolve(FILES[role][weight]))
      return { name: `${role}-${weight}.ttf`, data, font: create(data) }
    }
    faces = {
      primary: { normal: face("primary", "normal"), bold: face("primary", "bold") },
      fallback: { normal: face("fallback", "normal"), bold: face("fallback", "bold") },
    }
    const all = Object.values(faces).flatMap((role) => Object.values(role))
    rememberLayouts(all[0].font, new Map(all.map((face) => [(face.font as { stream?: { buffer?: unknown } }).stream?.buffer ?? face.data, face.name])))
  }
  return faces
}

/** An in-memory file system holding the fonts, for pdfmake; nothing is read from disk while rendering. */
export function fontFileSystem() {
  const files = new Map<string, Buffer>()
  for (const role of Object.values(load())) for (const face of Object.values(role)) files.set(face.name, face.data)
  return {
    existsSync: (name: string) => files.has(name),
    readFileSync: (name: string) => {
      const file = files.get(name)
      if (!file) throw new Error(`No embedded file named ${name}`)
      return file
    },
    writeFileSync: (name: string, content: Buffer) => void files.set(name, content),
  }
}

/** pdfmake's font table: a fresh object for each document (pdfmake rewrites it while resolving). */
export function fontDescriptors(): Record<string, Record<string, string>> {
  const f = load()
  return {
    [FAMILIES.primary]: { normal: f.primary.normal.name, bold: f.primary.bold.name },
    [FAMILIES.fallback]: { normal: f.fallback.normal.name, bold: f.fallback.bold.name },
  }
}

const covered = new Map<string, Role>()

/** Which face draws a piece of text: the primary one when it has every character, else the fallback. */
function roleFor(text: string): Role {
  let role = covered.get(text)
  if (!role) {
    const primary = load().primary.normal.font
    role = Array.from(text).every((c) => c === " " || primary.hasGlyphForCodePoint(c.codePointAt(0)!)) ? "primary" : "fallback"
    if (covered.size > 10_000) covered.clear()
    covered.set(text, role)
  }
  return role
}

/** The pdfmake family for a piece of text. */
export function familyFor(text: string): string {
  return FAMILIES[roleFor(text)]
}

/** The width of a string in points, with the face the renderer will use for it. */
export function measureText(text: string, options: { bold: boolean; size: number }): number {
  const { font } = load()[roleFor(text)][options.bold ? "bold" : "normal"]
  return (font.layout(text).advanceWidth / font.unitsPerEm) * options.size
}

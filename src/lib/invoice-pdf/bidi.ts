import bidiFactory from "bidi-js"

/**
 * Right-to-left text for pdfmake. pdfmake places the words of a line from
 * left to right and knows nothing of the Unicode Bidirectional Algorithm;
 * the font engine under it (fontkit) shapes Arabic and reverses the glyphs of
 * a single Arabic word, but no more. So paragraphs are broken into lines here,
 * in logical order, and each line is handed over as pieces already in visual
 * order, each piece written so that fontkit's own reversal lands it right.
 */

const bidi = bidiFactory()

export type Direction = "ltr" | "rtl"

/** One piece of a line, in visual order. */
export type VisualPiece = { text: string }

const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u
const SCRIPTED = /[^\p{Script=Common}\p{Script=Inherited}]/u
/** Formatting characters that steer the algorithm but have no glyph. */
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/
const BIDI_CONTROLS_ALL = new RegExp(BIDI_CONTROLS.source, "g")

/** Whether fontkit lays this string out right to left: it looks at the first character with a script. */
function fontkitReverses(text: string): boolean {
  const first = text.match(SCRIPTED)
  return !!first && RTL_SCRIPT.test(first[0])
}

const reverse = (text: string) => Array.from(text).reverse().join("")

/** Brackets and the like face the other way in right-to-left text: "(" shows as ")". */
function mirror(text: string): string {
  const map = bidi.getMirroredCharactersMap(text, new Uint8Array(text.length).fill(1))
  if (!map.size) return text
  const chars = text.split("")
  for (const [index, char] of map) chars[index] = char
  return chars.join("")
}

const STRONG = /[\p{L}]/u

/** A paragraph's direction: the one given, or for "auto" the direction of its first letter (left to right when it has none). */
export function paragraphDirection(text: string, direction: Direction | "auto"): Direction {
  if (direction !== "auto") return direction
  const first = text.match(STRONG)
  return first && RTL_SCRIPT.test(first[0]) ? "rtl" : "ltr"
}

/**
 * The pieces of one line in visual order, left to right. A piece is a run
 * of one embedding level, split at spaces so pdfmake can measure it; each is
 * written so that what fontkit draws reads correctly. Directional formatting
 * characters (isolates, marks) steer the levels and are then dropped.
 */
export function visualPieces(line: string, direction: Direction): VisualPiece[] {
  if (!line.replace(BIDI_CONTROLS_ALL, "")) return []
  const { levels } = bidi.getEmbeddingLevels(line, direction)
  type Run = { text: string; level: number; space: boolean }
  const runs: Run[] = []
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (BIDI_CONTROLS.test(char)) continue
    const space = char === " "
    const last = runs[runs.length - 1]
    if (last && last.level === levels[i] && last.space === space) last.text += char
    else runs.push({ text: char, level: levels[i], space })
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every
  // sequence of runs at that level or above.
  const order = runs.map((_, i) => i)
  const highest = Math.max(...runs.map((r) => r.level))
  const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 ? r.level : r.level + 1)))
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < order.length; ) {
      if (runs[order[i]].level >= level) {
        let j = i
        while (j < order.length && runs[order[j]].level >= level) j++
        order.splice(i, j - i, ...order.slice(i, j).reverse())
        i = j
      } else i++
    }
  }
  return order.map((index) => {
    const { text: logical, level } = runs[index]
    const rtl = level % 2 === 1
    const shown = rtl ? (fontkitReverses(logical) ? mirror(logical) : reverse(mirror(logical))) : fontkitReverses(logical) ? reverse(logical) : logical
    return { text: shown }
  })
}

/** Measures a string in points; the layout uses the same font engine as the renderer. */
export type Measure = (text: string) => number

/**
 * Breaks a paragraph into lines no wider than `width`, in logical order (the
 * first words first, whatever the direction), then turns each line into
 * visual pieces. A word longer than the line is kept whole.
 */
export function layoutParagraph(text: string, requested: Direction | "auto", width: number, measure: Measure): VisualPiece[][] {
  const direction = paragraphDirection(text, requested)
  const lines: VisualPiece[][] = []
  for (const hardLine of text.split(/\r?\n/)) {
    const words = hardLine.split(/ +/).filter(Boolean)
    let current: string[] = []
    let currentWidth = 0
    const space = measure(" ")
    for (const word of words) {
      const wordWidth = measure(word.replace(BIDI_CONTROLS_ALL, ""))
      const next = current.length ? currentWidth + space + wordWidth : wordWidth
      if (current.length && next > width) {
        lines.push(visualPieces(current.join(" "), direction))
        current = [word]
        currentWidth = wordWidth
      } else {
        current.push(word)
        currentWidth = next
      }
    }
    if (current.length) lines.push(visualPieces(current.join(" "), direction))
  }
  return lines
}

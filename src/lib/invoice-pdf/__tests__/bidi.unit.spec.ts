import { layoutParagraph, paragraphDirection, visualPieces } from "../bidi"

/** What fontkit draws for a piece: Arabic-script text it reverses itself. */
const drawn = (text: string) => (/[\u0600-\u06FF]/.test(text) ? Array.from(text).reverse().join("") : text)
/** A line as it appears on the page, left to right, character by character. */
const onPage = (line: string, direction: "ltr" | "rtl") => visualPieces(line, direction).map((p) => drawn(p.text)).join("")
const reversed = (text: string) => Array.from(text).reverse().join("")

describe("right-to-left text for the PDF", () => {
  it("leaves left-to-right text alone", () => {
    expect(onPage("Invoice INV-000123", "ltr")).toBe("Invoice INV-000123")
  })

  it("puts the words of an Arabic line right to left, each word kept whole for shaping", () => {
    const pieces = visualPieces("رقم الفاتورة", "rtl")
    // Logical first word on the right: the pieces arrive left to right.
    expect(pieces.map((p) => p.text)).toEqual(["الفاتورة", " ", "رقم"])
    expect(onPage("رقم الفاتورة", "rtl")).toBe(reversed("رقم الفاتورة"))
  })

  it("keeps numbers and Latin words left to right inside Arabic", () => {
    expect(onPage("الرقم الضريبي: US-12-3456789", "rtl")).toBe(`US-12-3456789 :${reversed("الرقم الضريبي")}`)
    expect(onPage("20 نوفمبر 2026", "rtl")).toBe(`2026 ${reversed("نوفمبر")} 20`)
  })

  it("keeps an isolated currency with its amount and drops the formatting marks", () => {
    // Intl's Arabic "US$": a right-to-left mark first, the currency isolated by the renderer.
    const page = onPage("\u200f99.99 \u2066US$\u2069", "rtl")
    expect(page).toBe("US$ 99.99")
    expect(page).not.toMatch(/[\u200e\u200f\u2066-\u2069]/)
  })

  it("mirrors brackets in right-to-left runs", () => {
    expect(onPage("كتاب (طبعة)", "rtl")).toBe(reversed("كتاب (طبعة)").replace("(", "\u0000").replace(")", "(").replace("\u0000", ")"))
  })

  it("takes the direction of what a person typed from its first letter", () => {
    expect(paragraphDirection("12 شارع الملك فهد", "auto")).toBe("rtl")
    expect(paragraphDirection("221 Market Street", "auto")).toBe("ltr")
    expect(paragraphDirection("+966 50 123 4567", "auto")).toBe("ltr")
    expect(paragraphDirection("Market", "rtl")).toBe("rtl")
  })

  it("breaks long paragraphs in logical order: the first words on the first line, in either direction", () => {
    const measure = (text: string) => text.length * 5
    const lines = layoutParagraph("one two three four five", "ltr", 50, measure)
    expect(lines.map((l) => l.map((p) => p.text).join(""))).toEqual(["one two", "three four", "five"])
    const arabic = layoutParagraph("واحد اثنان ثلاثة أربعة", "rtl", 55, measure)
    expect(arabic.map((l) => l.map((p) => drawn(p.text)).join(""))).toEqual([reversed("واحد اثنان"), reversed("ثلاثة أربعة")])
  })
})

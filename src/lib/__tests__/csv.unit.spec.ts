import { csvField, csvRow } from "../csv"
import { minorUnitsToDecimal } from "../money"

describe("CSV", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=HYPERLINK(\"x\")", '"\'=HYPERLINK(""x"")"'],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    [null, ""],
    [42, "42"],
  ])("writes %p as %p", (value, expected) => {
    expect(csvField(value)).toBe(expected)
  })

  it("ends rows with CRLF", () => {
    expect(csvRow(["a", 1])).toBe("a,1\r\n")
  })

  it("writes amounts as exact decimals in the currency's minor unit", () => {
    expect(minorUnitsToDecimal(1999, "usd")).toBe("19.99")
    expect(minorUnitsToDecimal(5, "usd")).toBe("0.05")
    expect(minorUnitsToDecimal(1500, "jpy")).toBe("1500")
    expect(minorUnitsToDecimal(1235, "kwd")).toBe("1.235")
    expect(minorUnitsToDecimal(12345678901234, "usd")).toBe("123456789012.34")
  })
})

describe("parseCsv", () => {
  const { parseCsv } = require("../csv") as typeof import("../csv")
  it("reads quoted fields, doubled quotes, line breaks in quotes, CRLF and a BOM, with line numbers", () => {
    const rows = parseCsv('\uFEFFkey,email\r\n"A-1,2","say ""hi"""\r\n\r\nB,"two\nlines"\nC,x')
    expect(rows).toEqual([
      { line: 1, fields: ["key", "email"] },
      { line: 2, fields: ["A-1,2", 'say "hi"'] },
      { line: 4, fields: ["B", "two\nlines"] },
      { line: 6, fields: ["C", "x"] },
    ])
  })
  it("round-trips what csvRow writes", () => {
    const { csvRow } = require("../csv") as typeof import("../csv")
    const values = ["plain", "a,b", 'q"uote', "line\nbreak"]
    expect(parseCsv(csvRow(values))[0].fields).toEqual(values)
  })
})

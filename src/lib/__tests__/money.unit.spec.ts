import { minorUnitDigits, toMinorUnits } from "../money"

describe("minor units", () => {
  it("knows each currency's minor unit", () => {
    expect(minorUnitDigits("usd")).toBe(2)
    expect(minorUnitDigits("jpy")).toBe(0)
    expect(minorUnitDigits("kwd")).toBe(3)
  })

  it.each([
    [19.99, "usd", 1999],
    ["0.1", "usd", 10],
    [0.1 + 0.2, "usd", 30],
    ["19.995", "usd", 2000],
    ["3.3333333333", "eur", 333],
    [1500, "jpy", 1500],
    ["1.2345", "kwd", 1235],
    ["123456789012.34", "usd", 12345678901234],
    [null, "usd", 0],
  ])("turns %p %s into %p", (amount, currency, expected) => {
    expect(toMinorUnits(amount as any, currency)).toBe(expected)
  })
})

describe("Medusa's BigNumber values", () => {
  it("converts them like plain numbers", () => {
    const { BigNumber } = require("@medusajs/framework/utils")
    expect(toMinorUnits(new BigNumber(19.99), "usd")).toBe(1999)
    expect(toMinorUnits(new BigNumber({ value: "59.97", precision: 20 }), "usd")).toBe(5997)
  })
})

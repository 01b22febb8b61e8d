import { maskLicenseKey } from "../portal-license"

describe("maskLicenseKey (L9)", () => {
  it.each([
    ["ACME-7K2QD-M9X4T-0PZ3R-HV8WN", "••••-•••••-•••••-•••••-•V8WN"],
    ["7K2QD-M9X4T-0PZ3R-HV8WN", "•••••-•••••-•••••-•V8WN"],
    ["X-ABCDEFGHIJKLMNOPQRST", "•-••••••••••••••••QRST"],
    ["ABCDEFGHIJKLMNOP-Q", "•••••••••••••NOP-Q"],
  ])("shows only the last four characters of %s", (key, masked) => {
    expect(maskLicenseKey(key)).toBe(masked)
    expect(masked.replace(/[•-]/g, "")).toHaveLength(4)
  })
})

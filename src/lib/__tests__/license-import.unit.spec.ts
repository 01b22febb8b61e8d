import { licenseKeyWeakness, MAX_IMPORT_ROWS, readLicenseImport } from "../license-import"
import { generateLicenseKey } from "../tokens"

describe("readLicenseImport", () => {
  it("reads a row in any column order, upper-casing keys and lower-casing emails", () => {
    const { rows, errors } = readLicenseImport(
      "email,product_title,key,activation_limit,expires_at,status\nNoor@Example.com,\"Desktop, Pro\",acme-7k2pq-7k2pq-7k2pq,3,2027-01-31,REVOKED\n"
    )
    expect(errors).toEqual([])
    expect(rows).toEqual([
      {
        line: 2,
        key: "ACME-7K2PQ-7K2PQ-7K2PQ",
        email: "noor@example.com",
        product_title: "Desktop, Pro",
        activation_limit: 3,
        expires_at: new Date("2027-01-31"),
        revoked: true,
      },
    ])
  })

  it("leaves limit and expiry empty for unlimited and lifetime keys", () => {
    const { rows } = readLicenseImport("key,email,product_title\nACME-0M2TG-06AX4-JB4E9,a@example.com,App\n")
    expect(rows[0]).toMatchObject({ activation_limit: null, expires_at: null, revoked: false })
  })

  it("reports each problem row by its line and keeps the good ones", () => {
    const csv = [
      "key,email,product_title,activation_limit,expires_at,status",
      "ACME-0M2TG-06AX4-JB4E9,a@example.com,App,,,",
      "short,a@example.com,App,,,",
      "ACME-0M2TG-06AX4-JB4E9,b@example.com,App,,,",
      "ACME-9H7GD-QFRME-PKBTY,not-an-email,App,,,",
      "ACME-GHTVQ-VMVJ9-KVGVY,c@example.com,,,,",
      "ACME-PH32B-M7JD3-1KP67,c@example.com,App,0,,",
      "ACME-JW0NB-B5F1M-XFTGY,c@example.com,App,,someday,",
      "ACME-CHMRP-FVHCF-FD2XB,c@example.com,App,,,paused",
    ].join("\n")
    const { rows, errors } = readLicenseImport(csv)
    expect(rows.map((r) => r.line)).toEqual([2])
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9])
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/16 to 64 letters/),
      expect.stringMatching(/appears twice/),
      expect.stringMatching(/not an email/),
      expect.stringMatching(/product title/),
      expect.stringMatching(/activation limit/),
      expect.stringMatching(/not a date/),
      expect.stringMatching(/active or revoked/),
    ])
  })

  it.each([
    ["ACME-2024-0000-0001", /too easy to guess: about 56 bits, at least 64/],
    ["ACME-AAAAA-BBBBB-CCCCC", /fewer than 8 different characters/],
    ["ABCD-EFGH-IJKL-MNOP-QRST", /too easy to guess/],
    ["1234-5678-9012-3456-7890", /too easy to guess/],
    ["8392-0174-6503-9182", /too easy to guess: about 53 bits/],
  ])("refuses the weak key %s with the reason on its row", (key, reason) => {
    const { rows, errors } = readLicenseImport(`key,email,product_title\n${key},a@example.com,App\n`)
    expect(rows).toEqual([])
    expect(errors).toEqual([{ line: 2, message: expect.stringMatching(reason) }])
    expect(licenseKeyWeakness(key)).toMatch(reason)
  })

  it("takes keys of 64 bits and more, such as every generated key", () => {
    for (const key of ["ACME-7K2PQ-M9X4T-0PZ3R", "83920174650391827364", "QWERTYUIOPASDFGH"]) expect(licenseKeyWeakness(key)).toBeNull()
    for (let i = 0; i < 2000; i++) expect(licenseKeyWeakness(generateLicenseKey(i % 2 ? "ACME" : null))).toBeNull()
  })

  it("refuses files it cannot import at all", () => {
    expect(() => readLicenseImport("")).toThrow(/empty/)
    expect(() => readLicenseImport("key,email\nACME-0M2TG-06AX4-JB4E9,a@example.com\n")).toThrow(/lacks product_title/)
    const tooMany = ["key,email,product_title", ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `K-${i},a@example.com,App`)].join("\n")
    expect(() => readLicenseImport(tooMany)).toThrow(/at most 5000/)
  })
})

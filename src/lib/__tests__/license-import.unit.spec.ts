import { MAX_IMPORT_ROWS, readLicenseImport } from "../license-import"

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
    const { rows } = readLicenseImport("key,email,product_title\nACME-AAAAA-BBBBB-CCCCC,a@example.com,App\n")
    expect(rows[0]).toMatchObject({ activation_limit: null, expires_at: null, revoked: false })
  })

  it("reports each problem row by its line and keeps the good ones", () => {
    const csv = [
      "key,email,product_title,activation_limit,expires_at,status",
      "ACME-AAAAA-BBBBB-CCCCC,a@example.com,App,,,",
      "short,a@example.com,App,,,",
      "ACME-AAAAA-BBBBB-CCCCC,b@example.com,App,,,",
      "ACME-DDDDD-EEEEE-FFFFF,not-an-email,App,,,",
      "ACME-GGGGG-HHHHH-JJJJJ,c@example.com,,,,",
      "ACME-KKKKK-MMMMM-NNNNN,c@example.com,App,0,,",
      "ACME-PPPPP-QQQQQ-RRRRR,c@example.com,App,,someday,",
      "ACME-SSSSS-TTTTT-VVVVV,c@example.com,App,,,paused",
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

  it("refuses files it cannot import at all", () => {
    expect(() => readLicenseImport("")).toThrow(/empty/)
    expect(() => readLicenseImport("key,email\nACME-AAAAA-BBBBB-CCCCC,a@example.com\n")).toThrow(/lacks product_title/)
    const tooMany = ["key,email,product_title", ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `K-${i},a@example.com,App`)].join("\n")
    expect(() => readLicenseImport(tooMany)).toThrow(/at most 5000/)
  })
})

import { addInterval, periodKey } from "../subscription-periods"

const at = (iso: string) => new Date(iso)

describe("subscription periods", () => {
  it.each([
    ["2026-01-15T10:00:00Z", "day", 1, "2026-01-16T10:00:00.000Z"],
    ["2026-01-15T10:00:00Z", "week", 2, "2026-01-29T10:00:00.000Z"],
    ["2026-01-15T10:00:00Z", "month", 1, "2026-02-15T10:00:00.000Z"],
    ["2026-01-31T10:00:00Z", "month", 1, "2026-02-28T10:00:00.000Z"],
    ["2028-01-31T10:00:00Z", "month", 1, "2028-02-29T10:00:00.000Z"],
    ["2026-03-31T00:00:00Z", "month", 3, "2026-06-30T00:00:00.000Z"],
    ["2028-02-29T00:00:00Z", "year", 1, "2029-02-28T00:00:00.000Z"],
    ["2026-12-15T00:00:00Z", "month", 1, "2027-01-15T00:00:00.000Z"],
  ] as const)("%s plus %s × %i is %s", (start, interval, count, end) => {
    expect(addInterval(at(start), interval, count).toISOString()).toBe(end)
  })

  it("names a period by its subscription and start", () => {
    expect(periodKey("sub_1", at("2026-01-15T10:00:00Z"))).toBe("sub_1:2026-01-15T10:00:00.000Z")
  })
})

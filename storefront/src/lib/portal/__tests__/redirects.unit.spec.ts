import { portalPath, seeOther } from "../redirects"

const ORIGIN = "https://shop.example"

/** Where a browser goes with `target` as a Location from a portal page. */
function followed(target: string): URL {
  return new URL(target, `${ORIGIN}/en/portal/billing/export`)
}

describe("portal redirect targets", () => {
  it.each([
    ["%5Cevil.com"],
    ["\\evil.com"],
    ["%2F%2Fevil.com"],
    ["//evil.com"],
    ["/evil.com"],
    ["en%2F.."],
    ["en/.."],
    ["EN"],
    [" en"],
    [""],
  ])("refuses the locale %p rather than build an address from it", (locale) => {
    expect(portalPath(locale, "/portal")).toBeNull()
    expect(portalPath(locale, "/portal/billing")).toBeNull()
  })

  it.each([["en"], ["ar"]])("sends %p to a relative path on the portal of this origin", (locale) => {
    for (const path of ["/portal", "/portal/session-expired", "/portal/billing", "/portal/billing/inv_01ABC"]) {
      const target = portalPath(locale, path)
      expect(target).toBe(`/${locale}${path}`)
      expect(followed(target!).origin).toBe(ORIGIN)
      expect(followed(target!).pathname).toBe(`/${locale}${path}`)
    }
  })

  it.each([
    ["//evil.com"],
    ["/\\evil.com"],
    ["https://evil.com/portal"],
    ["/portal/../../evil.com"],
    ["/portal/billing/.."],
    ["/portal/billing/%2e%2e"],
    ["/portal/login/."],
    ["/portal/billing/a/b"],
    ["/portal/billing/a\\b"],
    ["/portal/billing?next=//evil.com"],
    ["/portal/admin"],
    ["/elsewhere"],
    ["portal"],
  ])("refuses the path %p, which is not an allow-listed portal page", (path) => {
    expect(portalPath("en", path)).toBeNull()
  })

  it("keeps an encoded business id inside its one path segment", () => {
    const target = portalPath("en", `/portal/login/${encodeURIComponent("acme/../\\evil.com")}`)
    expect(target).toBe("/en/portal/login/acme%2F..%2F%5Cevil.com")
    expect(followed(target!).origin).toBe(ORIGIN)
    expect(followed(target!).pathname).toBe("/en/portal/login/acme%2F..%2F%5Cevil.com")
  })

  it("puts the query after the path, encoded, where it cannot change the host", () => {
    const asked = new URLSearchParams({ status: "paid", from: "//evil.com", to: "\\evil.com" })
    const target = portalPath("en", "/portal/billing", asked)
    expect(target).toBe("/en/portal/billing?status=paid&from=%2F%2Fevil.com&to=%5Cevil.com")
    expect(followed(target!).origin).toBe(ORIGIN)
    expect(portalPath("ar", "/portal/subscriptions/sub_1/payment-method/confirmed", { invoice: "inv_1" })).toBe(
      "/ar/portal/subscriptions/sub_1/payment-method/confirmed?invoice=inv_1"
    )
    expect(portalPath("en", "/portal", new URLSearchParams())).toBe("/en/portal")
  })

  it("answers a route handler with a 303 to the relative target, or a 404 it never follows", () => {
    const sent = seeOther("en", "/portal/session-expired")
    expect(sent.status).toBe(303)
    expect(sent.headers.get("location")).toBe("/en/portal/session-expired")

    const refused = seeOther("\\evil.com", "/portal")
    expect(refused.status).toBe(404)
    expect(refused.headers.get("location")).toBeNull()
  })
})

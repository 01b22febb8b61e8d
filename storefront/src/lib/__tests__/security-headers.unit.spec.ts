import {
  BASELINE_CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  STATIC_SECURITY_HEADERS,
  staticHeaderRules,
  transportSecurityHeaders,
} from "../security-headers"

/** How Next.js tests a `has` rule's value against a request header. */
function hasMatches(rule: ReturnType<typeof staticHeaderRules>[number], proto: string): boolean {
  return (rule.has ?? []).every((item) => new RegExp(`^${item.value}$`).test(proto))
}

describe("security header policy", () => {
  it("sends the static headers on every path, with a policy that loads nothing and allows no framing", () => {
    const [all] = staticHeaderRules()
    expect(all!.source).toBe("/:path*")
    expect(all!.has).toBeUndefined()
    expect(Object.fromEntries(all!.headers.map(({ key, value }) => [key, value]))).toEqual({
      "Referrer-Policy": "no-referrer",
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Permissions-Policy": STATIC_SECURITY_HEADERS["Permissions-Policy"],
      "Cross-Origin-Opener-Policy": "same-origin",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    })
    expect(BASELINE_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; frame-ancestors 'none'")
  })

  it("leaves caching of static files alone, and keeps portal pages out of every cache", () => {
    for (const rule of staticHeaderRules()) {
      expect(rule.headers.map(({ key }) => key.toLowerCase())).not.toContain("cache-control")
    }
    expect(SECURITY_HEADERS["Cache-Control"]).toBe("no-store")
    expect(SECURITY_HEADERS).toMatchObject(STATIC_SECURITY_HEADERS)
  })

  it.each([["https:"], ["https"], ["HTTPS"], ["https, http"]])("sends HSTS over %p", (protocol) => {
    expect(transportSecurityHeaders(protocol)).toEqual({
      "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    })
  })

  it.each([["http:"], ["http"], ["http, https"], [""], [null], [undefined]])("sends no HSTS over %p", (protocol) => {
    expect(transportSecurityHeaders(protocol)).toEqual({})
  })

  it("sends HSTS from next.config.ts only when X-Forwarded-Proto says https", () => {
    const hsts = staticHeaderRules().filter((rule) => rule.headers.some(({ key }) => key === "Strict-Transport-Security"))
    expect(hsts).toHaveLength(1)
    const [rule] = hsts
    expect(rule!.source).toBe("/:path*")
    expect(rule!.has).toEqual([expect.objectContaining({ type: "header", key: "x-forwarded-proto" })])
    expect(rule!.headers).toEqual([{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }])
    for (const proto of ["https", "HTTPS", "https, http", "https,http"]) {
      expect(hasMatches(rule!, proto)).toBe(true)
    }
    for (const proto of ["http", "http, https", "httpsx", "xhttps"]) {
      expect(hasMatches(rule!, proto)).toBe(false)
    }
  })
})

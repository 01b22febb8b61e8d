import { resolvePortalOptions } from "../../modules/customer-portal/options"
import { emailChangeUrl, portalAccessUrl, staticLoginUrl } from "../portal-links"
import { generateToken } from "../tokens"

const options = resolvePortalOptions(
  { storefrontUrl: "https://test.shop.example", liveStorefrontUrl: "https://shop.example" },
  { NODE_ENV: "test" } as NodeJS.ProcessEnv
)

describe("portal link URLs", () => {
  const token = generateToken()

  it.each([
    ["a sign-in link", portalAccessUrl, "access"],
    ["an email-change link", emailChangeUrl, "verify-email"],
  ] as const)("puts %s's token in the fragment only, which no request carries", (_kind, build, page) => {
    const url = new URL(build(options, "live", "ar", token))
    expect(url.origin).toBe("https://shop.example")
    expect(url.pathname).toBe(`/ar/portal/${page}`)
    expect(url.search).toBe("")
    expect(url.hash).toBe(`#t=${token}`)
    // What a server, a proxy's access log or a Referer can see: the address without its fragment.
    expect(`${url.origin}${url.pathname}${url.search}`).not.toContain(token)
    expect(new URLSearchParams(url.hash.slice(1)).get("t")).toBe(token)
  })

  it("builds each mode's link on that mode's configured storefront", () => {
    expect(portalAccessUrl(options, "test", "en", token)).toBe(`https://test.shop.example/en/portal/access#t=${token}`)
    expect(emailChangeUrl(options, "live", "en", token)).toBe(`https://shop.example/en/portal/verify-email#t=${token}`)
  })

  it.each([["fr"], ["../evil"], ["EN"], [""]])("uses English for the locale %p, never a path built from it", (locale) => {
    expect(portalAccessUrl(options, "live", locale, token)).toBe(`https://shop.example/en/portal/access#t=${token}`)
    expect(emailChangeUrl(options, "live", locale, token)).toBe(`https://shop.example/en/portal/verify-email#t=${token}`)
  })

  it("keeps the static login link in the path, with the test form marked", () => {
    const portal = { business_id: "bus_abc", default_locale: "ar" }
    expect(staticLoginUrl(options, portal, "live")).toBe("https://shop.example/ar/portal/login/bus_abc")
    expect(staticLoginUrl(options, portal, "test", "en")).toBe("https://test.shop.example/en/portal/login/bus_abc?mode=test")
  })
})

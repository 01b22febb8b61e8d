import { isLinkFragment, linkFragment, tokenFromFragment } from "../link-token"
import { seeLinkPage } from "../redirects"

const TOKEN = "abcDEF0123456789_-abcDEF0123456789_-abcDEF0"

describe("a one-time link's fragment", () => {
  it("gives the token of #t=<token>, as the backend writes it", () => {
    expect(TOKEN).toHaveLength(43)
    expect(linkFragment(TOKEN)).toBe(`#t=${TOKEN}`)
    expect(tokenFromFragment(`#t=${TOKEN}`)).toBe(TOKEN)
    expect(tokenFromFragment(`t=${TOKEN}`)).toBe(TOKEN)
    expect(isLinkFragment(`#t=${TOKEN}`)).toBe(true)
  })

  it.each([
    ["", "no fragment"],
    ["#", "an empty one"],
    ["#t=", "no token"],
    [`#t=${TOKEN.slice(0, 30)}`, "a token cut short"],
    [`#t=${TOKEN}x`, "a token with more"],
    [`#t=${TOKEN.slice(0, 42)}!`, "a character no token has"],
    [`#t=${TOKEN.slice(0, 40)}%2F..`, "an encoded path"],
  ])("gives no token for %p (%s)", (hash) => {
    expect(tokenFromFragment(hash)).toBeNull()
  })

  it("leaves other fragments, such as the skip link's, to the page", () => {
    expect(isLinkFragment("#content")).toBe(false)
    expect(isLinkFragment("")).toBe(false)
    expect(isLinkFragment("#t=")).toBe(true)
  })
})

describe("links of the earlier form, with the token in the path", () => {
  it("go on to the same page with the token in the fragment, on this origin", () => {
    for (const [locale, page] of [["en", "/portal/access"], ["ar", "/portal/verify-email"]] as const) {
      const sent = seeLinkPage(locale, page, TOKEN)
      expect(sent.status).toBe(303)
      expect(sent.headers.get("location")).toBe(`/${locale}${page}#t=${TOKEN}`)
      expect(sent.headers.get("cache-control")).toBe("private, no-store")
      expect(sent.headers.get("referrer-policy")).toBe("no-referrer")
      const followed = new URL(sent.headers.get("location")!, "https://shop.example/en/portal/access/x")
      expect(followed.origin).toBe("https://shop.example")
      expect(followed.pathname).toBe(`/${locale}${page}`)
    }
  })

  it.each([["//evil.com"], ["x".repeat(43) + "/../../evil"], ["%2F%2Fevil.com"], ["\\evil.com"], [""]])(
    "leave out a token that is not one (%p): the page then says the link is incomplete",
    (token) => {
      const sent = seeLinkPage("en", "/portal/access", token)
      expect(sent.status).toBe(303)
      expect(sent.headers.get("location")).toBe("/en/portal/access")
    }
  )

  it.each([["%5Cevil.com"], ["//evil.com"], ["EN"], [""]])("answer 404 for the locale %p", (locale) => {
    const refused = seeLinkPage(locale, "/portal/access", TOKEN)
    expect(refused.status).toBe(404)
    expect(refused.headers.get("location")).toBeNull()
  })
})

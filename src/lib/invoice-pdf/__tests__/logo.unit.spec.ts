import { logger } from "@medusajs/framework/logger"
import { isPublicAddress } from "../address-checks"
import { downloadLogo, invoiceLogo, logoCacheSize, PUBLIC_INTERNET } from "../logo"
import { png, startLogoServer, type LogoServer } from "./logo-server"

describe("the addresses a logo may come from (L5)", () => {
  it.each([
    "0.0.0.0", "10.0.0.1", "100.64.0.1", "100.127.255.254", "127.0.0.1", "127.1.2.3", "169.254.169.254", "172.16.0.1", "172.31.255.255",
    "192.0.0.8", "192.0.2.1", "192.168.1.1", "198.18.0.1", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
    "::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "fe80::1%eth0", "ff02::1", "2001:db8::1", "::ffff:127.0.0.1", "::ffff:7f00:1",
    "::ffff:10.0.0.1", "::ffff:a9fe:a9fe", "0:0:0:0:0:ffff:c0a8:0101", "::127.0.0.1", "64:ff9b::10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1",
    "not an address", "", "localhost",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false)
  })

  it.each(["93.184.216.34", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::8.8.8.8", "2002:808:808::1"])(
    "allows the public address %s",
    (address) => {
      expect(isPublicAddress(address)).toBe(true)
    }
  )
})

describe("fetching the invoice logo (L5)", () => {
  let server: LogoServer
  beforeAll(async () => {
    server = await startLogoServer(
      (req, res) => {
        const redirects: Record<string, string> = {
          "/to-private": "https://10.0.0.1/logo.png",
          "/to-mapped": "https://[::ffff:169.254.169.254]/latest/meta-data",
          "/to-internal-name": `https://internal.test:${server.port}/logo.png`,
          "/to-http": `http://logo.test:${server.port}/logo.png`,
          "/to-logo": "/logo.png",
          "/loop": "/loop",
        }
        const route = (req.url ?? "").split("?")[0]
        if (redirects[route]) return res.writeHead(302, { location: redirects[route] }).end()
        if (req.url?.startsWith("/logo.png")) return res.writeHead(200, { "content-type": "image/png" }).end(png())
        res.writeHead(404).end()
      },
      // A name that resolves to a private address, and one that lists a public and a private one.
      { "internal.test": ["192.168.1.10"], "mixed.test": ["93.184.216.34", "10.1.2.3"], "ten.test": ["10.20.30.40"] }
    )
  })
  afterAll(() => server.close())

  it("fetches a logo over https and follows a redirect on the same checks", async () => {
    expect((await downloadLogo(`${server.base}/logo.png`, server.policy)).logo?.subarray(1, 4).toString()).toBe("PNG")
    expect((await downloadLogo(`${server.base}/to-logo`, server.policy)).logo?.subarray(1, 4).toString()).toBe("PNG")
  })

  it("refuses https://127.0.0.1 without connecting, though a server listens there", async () => {
    const before = server.connections()
    const answer = await downloadLogo(`https://127.0.0.1:${server.port}/logo.png`, PUBLIC_INTERNET)
    expect(answer).toEqual({ logo: null, refused: "127.0.0.1 is not on the public internet" })
    expect(await downloadLogo(`https://[::ffff:127.0.0.1]:${server.port}/logo.png`, PUBLIC_INTERNET)).toMatchObject({ refused: expect.stringMatching(/not on the public internet/) })
    expect(server.connections()).toBe(before)
  })

  it("refuses a name that resolves to 10.x, or to a public and a private address, before connecting", async () => {
    expect(await downloadLogo("https://ten.test/logo.png", server.policy)).toEqual({ logo: null, refused: "ten.test resolves to 10.20.30.40, which is not on the public internet" })
    expect(await downloadLogo("https://mixed.test/logo.png", server.policy)).toMatchObject({ refused: expect.stringMatching(/mixed.test resolves to 10.1.2.3/) })
    expect(await downloadLogo("https://nowhere.test/logo.png", server.policy)).toMatchObject({ refused: expect.stringMatching(/no address/) })
  })

  it("refuses a redirect to a private address, a private name, plain http, or one redirect too many", async () => {
    expect(await downloadLogo(`${server.base}/to-private`, server.policy)).toMatchObject({ logo: null, refused: "10.0.0.1 is not on the public internet" })
    expect(await downloadLogo(`${server.base}/to-mapped`, server.policy)).toMatchObject({ logo: null, refused: expect.stringMatching(/not on the public internet/) })
    expect(await downloadLogo(`${server.base}/to-internal-name`, server.policy)).toMatchObject({ logo: null, refused: expect.stringMatching(/internal.test resolves to 192.168.1.10/) })
    expect(await downloadLogo(`${server.base}/to-http`, server.policy)).toMatchObject({ logo: null, refused: "http:// is not https://" })
    expect(await downloadLogo(`${server.base}/loop`, server.policy)).toMatchObject({ logo: null, refused: "it redirects more than 3 times" })
  })

  it("leaves a refused logo out and logs it once", async () => {
    const warn = jest.spyOn(logger, "warn").mockImplementation(() => undefined as any)
    const url = `${server.base}/to-private?once`
    expect(await invoiceLogo(url, Date.now(), server.policy)).toBeNull()
    // Past the retry delay the fetch is tried again, and refused again, without a second line in the log.
    expect(await invoiceLogo(url, Date.now() + 10 * 60_000, server.policy)).toBeNull()
    expect(warn.mock.calls.filter(([line]) => String(line).includes(url))).toHaveLength(1)
    warn.mockRestore()
  })

  it("keeps a bounded number of logos in memory", async () => {
    for (let i = 0; i < 40; i++) expect(await invoiceLogo(`${server.base}/logo.png?n=${i}`, Date.now(), server.policy)).not.toBeNull()
    expect(logoCacheSize().entries).toBeLessThanOrEqual(32)
    // The most recent stays cached: asking again sends no request.
    const before = server.requests()
    await invoiceLogo(`${server.base}/logo.png?n=39`, Date.now(), server.policy)
    expect(server.requests()).toBe(before)
  })
})

import { TestCardPaymentProvider } from "../service"

describe("the test card provider in production", () => {
  const env = process.env.NODE_ENV
  afterEach(() => {
    process.env.NODE_ENV = env
  })
  const load = (options: Record<string, unknown> = {}) => new TestCardPaymentProvider({ logger: console } as any, options as any)

  it("does not load under NODE_ENV=production, saying what to do", () => {
    process.env.NODE_ENV = "production"
    expect(() => load()).toThrow(/does not load in production.*enableInProduction: true/s)
    expect(() => load({ enableInProduction: "yes" })).toThrow(/does not load in production/)
  })

  it("loads when the merchant enables it for production, and anywhere else", () => {
    process.env.NODE_ENV = "production"
    expect(load({ enableInProduction: true })).toBeInstanceOf(TestCardPaymentProvider)
    process.env.NODE_ENV = "development"
    expect(load()).toBeInstanceOf(TestCardPaymentProvider)
  })
})

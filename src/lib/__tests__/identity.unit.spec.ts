import { normalizeEmail } from "../customer-records"
import { hasFreshProof, maskEmail, pickHomeRecord } from "../identity"

const record = (id: string, has_account: boolean, created: string) => ({
  id,
  email: "vera@example.com",
  has_account,
  first_name: null,
  last_name: null,
  created_at: new Date(created),
})

describe("one form of an email address", () => {
  it.each([
    ["  Vera@Example.COM ", "vera@example.com"],
    // Full-width letters and the full-width @ are the address they look like.
    ["ＶＥＲＡ＠ｅｘａｍｐｌｅ．ｃｏｍ", "vera@example.com"],
    // A composed and a decomposed é are one address.
    ["re\u0301mi@example.com", "rémi@example.com"],
    ["rémi@example.com", "rémi@example.com"],
  ])("%j is %j", (raw, normalised) => {
    expect(normalizeEmail(raw)).toBe(normalised)
  })
})

describe("the record that acts for an address's holder", () => {
  const guestOld = record("cus_guest_old", false, "2026-01-01")
  const guestNew = record("cus_guest_new", false, "2026-03-01")
  const account = record("cus_account", true, "2025-06-01")

  it("is never an account whose address was not confirmed, when a guest record has the address", () => {
    expect(pickHomeRecord([account, guestOld], [], new Set())?.id).toBe("cus_guest_old")
  })

  it("is the record its holder confirmed, account or not, the latest confirmed first", () => {
    expect(pickHomeRecord([account, guestOld], ["cus_account"], new Set())?.id).toBe("cus_account")
    expect(pickHomeRecord([account, guestOld, guestNew], ["cus_guest_old", "cus_account"], new Set())?.id).toBe("cus_guest_old")
  })

  it("among guest records, the one holding purchases, then the newest", () => {
    expect(pickHomeRecord([guestOld, guestNew], [], new Set(["cus_guest_old"]))?.id).toBe("cus_guest_old")
    expect(pickHomeRecord([guestOld, guestNew], [], new Set())?.id).toBe("cus_guest_new")
  })

  it("is the account when the address has no guest record, and nobody when it has no record", () => {
    expect(pickHomeRecord([account], [], new Set())?.id).toBe("cus_account")
    expect(pickHomeRecord([], [], new Set())).toBeNull()
  })
})

describe("a fresh proof of the address", () => {
  const now = new Date("2026-06-01T12:00:00Z")
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000)

  it("is a sign-in by a link emailed to the current address in the last ten minutes", () => {
    const session = { customer_id: "cus_1", proven_email: "vera@example.com", proven_at: minutesAgo(10) }
    expect(hasFreshProof(session, "Vera@Example.com", now)).toBe(true)
    expect(hasFreshProof({ ...session, proven_at: minutesAgo(10.01) }, "vera@example.com", now)).toBe(false)
  })

  it("is not a link handed over, nor a proof of another address", () => {
    expect(hasFreshProof({ customer_id: "cus_1", proven_email: null, proven_at: null }, "vera@example.com", now)).toBe(false)
    expect(hasFreshProof({ customer_id: "cus_1", proven_email: "old@example.com", proven_at: minutesAgo(1) }, "vera@example.com", now)).toBe(false)
  })
})

describe("a masked address", () => {
  it.each([
    ["vera@example.com", "v•••@example.com"],
    ["a@b.co", "a•••@b.co"],
    ["not-an-address", "•••"],
    [null, null],
  ])("%j shows as %j", (email, masked) => {
    expect(maskEmail(email)).toBe(masked)
  })
})

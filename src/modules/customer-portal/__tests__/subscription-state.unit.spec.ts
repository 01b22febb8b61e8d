import { canTransition } from "../subscription-state"

describe("subscription state machine", () => {
  it.each([
    ["active", "on_hold"],
    ["on_hold", "active"],
    ["active", "cancelled"],
    ["on_hold", "cancelled"],
    ["active", "expired"],
  ] as const)("allows %s -> %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true)
  })

  it.each([
    ["cancelled", "active"],
    ["expired", "active"],
    ["cancelled", "on_hold"],
    ["active", "active"],
    ["on_hold", "on_hold"],
  ] as const)("refuses %s -> %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false)
  })
})

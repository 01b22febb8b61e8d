"use strict"
// Faults a test asks for on the next matching requests:
//   500    Stripe answers 500 api_error; with after_commit the change was made first, so the
//          caller sees an error while the card was charged (an indeterminate outcome)
//   429    rate limited, nothing done
//   reset  the connection is dropped (before, or with after_commit after, the change)
//   hang   no answer at all, until hang_ms (then the connection drops) or the emulator closes
const KINDS = ["500", "429", "reset", "hang"]

/** `/v1/payment_intents/*\/capture`: `*` stands for one path segment. */
function matches(pattern, path) {
  const want = pattern.split("/")
  const got = path.split("/")
  return want.length === got.length && want.every((segment, i) => segment === "*" || segment === got[i])
}

function createFaults() {
  let faults = []
  let seq = 0
  return {
    add(spec) {
      const kind = String(spec.kind ?? "")
      if (!KINDS.includes(kind)) throw new Error(`fault kind must be one of ${KINDS.join(", ")}`)
      if (typeof spec.path !== "string" || !spec.path.startsWith("/v1/")) throw new Error("fault path must be an API path such as /v1/payment_intents")
      const afterCommit = spec.after_commit === true || spec.after_commit === "true"
      if (afterCommit && kind === "429") throw new Error("a 429 refuses the request: it has no after_commit")
      const fault = {
        id: `fault_${++seq}`,
        method: spec.method ? String(spec.method).toUpperCase() : null,
        path: spec.path,
        kind,
        after_commit: afterCommit,
        times: spec.times === undefined ? 1 : Number(spec.times),
        hang_ms: spec.hang_ms === undefined ? null : Number(spec.hang_ms),
      }
      if (!Number.isInteger(fault.times) || fault.times < 1) throw new Error("fault times must be a positive integer")
      faults.push(fault)
      return { ...fault }
    },
    /** The fault for this request, if one matches; it is used up after `times` requests. */
    take(method, path) {
      const fault = faults.find((f) => (!f.method || f.method === method) && matches(f.path, path))
      if (!fault) return null
      fault.times -= 1
      if (fault.times === 0) faults = faults.filter((f) => f !== fault)
      return { ...fault }
    },
    list: () => faults.map((f) => ({ ...f })),
    clear() {
      faults = []
    },
  }
}

module.exports = { createFaults }

import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../../modules/customer-portal"
import { PURGE_TARGETS, type PurgeTarget } from "../../modules/customer-portal/services/purge"
import { clock } from "../clock"
import { PURGE_LOCK_KEY, purgeExpiredRows } from "../purge-expired-rows"

/** A store whose purge targets have `rows` rows to delete each; every statement is recorded. */
function store(rows: Partial<Record<PurgeTarget, number>>, options: { lockTaken?: boolean; expiredLease?: boolean; statementMs?: number } = {}) {
  const left = { ...rows }
  const statements: { target: PurgeTarget; now: Date; limit: number }[] = []
  const lock = { holder: options.lockTaken ? "another server" : (null as string | null), released: [] as string[] }
  const service = {
    purgeExpired: jest.fn(async (target: PurgeTarget, input: { now: Date; limit: number; after?: string }) => {
      statements.push({ target, ...input })
      if (options.statementMs) jest.advanceTimersByTime(options.statementMs)
      const deleted = Math.min(left[target] ?? 0, input.limit)
      left[target] = (left[target] ?? 0) - deleted
      return { deleted, more: deleted === input.limit }
    }),
    clearExpiredLock: jest.fn(async (key: string) => {
      if (key !== PURGE_LOCK_KEY || !options.expiredLease) return false
      lock.holder = null
      return true
    }),
  }
  const locking = {
    acquire: jest.fn(async (key: string, args: { ownerId: string; expire: number }) => {
      if (key !== PURGE_LOCK_KEY) throw new Error(`unexpected lock ${key}`)
      if (lock.holder && lock.holder !== args.ownerId) throw new Error(`Failed to acquire lock for key "${key}"`)
      lock.holder = args.ownerId
    }),
    release: jest.fn(async (key: string, args: { ownerId: string }) => {
      lock.released.push(args.ownerId)
      if (lock.holder === args.ownerId) lock.holder = null
      return true
    }),
  }
  const container = { resolve: (key: string) => ({ [CUSTOMER_PORTAL_MODULE]: service, [Modules.LOCKING]: locking })[key] } as any
  return { container, statements, left, lock, locking }
}

describe("purgeExpiredRows (the purge job's run)", () => {
  afterEach(() => jest.restoreAllMocks())

  it("goes through every target until a batch comes back short, and counts the rows by table", async () => {
    const { container, statements, left } = store({ expired_links: 5, spent_links: 1, drained_rate_limits: 4, removed_test_cards: 2, orphaned_test_cards: 1 })
    const run = await purgeExpiredRows(container, { batchSize: 2, pauseFactor: 0 })
    expect(run).toMatchObject({
      skipped: false,
      complete: true,
      purged: { links: 6, sessions: 0, rate_limits: 4, idempotency_keys: 0, test_cards: 3 },
    })
    // 5 links in batches of 2: 2, 2, 1; 4 buckets: 2, 2, 0 (a full batch is followed by one more statement).
    const rounds = (target: PurgeTarget) => statements.filter((s) => s.target === target).length
    expect(rounds("expired_links")).toBe(3)
    expect(rounds("drained_rate_limits")).toBe(3)
    expect(rounds("expired_sessions")).toBe(1)
    expect(run.batches).toBe(statements.length)
    expect(statements.every((s) => s.limit === 2)).toBe(true)
    expect(Object.values(left).every((n) => n === 0)).toBe(true)
    expect([...new Set(statements.map((s) => s.target))]).toEqual([...PURGE_TARGETS])
  })

  it("walks on from where a statement says, until one says the walk is over", async () => {
    const { container } = store({})
    const service = container.resolve(CUSTOMER_PORTAL_MODULE)
    const steps: Record<string, { deleted: number; more: boolean; after?: string }> = {
      start: { deleted: 0, more: true, after: "tcus_cus_b" },
      tcus_cus_b: { deleted: 2, more: true, after: "tcus_cus_b" },
      tcus_cus_b2: { deleted: 0, more: true, after: "tcus_cus_m" },
      tcus_cus_m: { deleted: 1, more: false },
    }
    let visitsOfB = 0
    service.purgeExpired.mockImplementation(async (target: PurgeTarget, input: { after?: string }) => {
      if (target !== "orphaned_test_cards") return { deleted: 0, more: false }
      if (input.after === "tcus_cus_b" && visitsOfB++ > 0) return steps.tcus_cus_b2
      return steps[input.after ?? "start"]
    })
    const run = await purgeExpiredRows(container, { batchSize: 2, pauseFactor: 0 })
    const afters = service.purgeExpired.mock.calls.filter(([target]: [PurgeTarget]) => target === "orphaned_test_cards").map(([, input]: [unknown, { after?: string }]) => input.after)
    expect(afters).toEqual([undefined, "tcus_cus_b", "tcus_cus_b", "tcus_cus_m"])
    expect(run.purged.test_cards).toBe(3)
  })

  it("takes every cut-off from one reading of the portal's clock", async () => {
    const at = new Date("2026-11-01T12:00:00Z")
    jest.spyOn(clock, "now").mockReturnValue(at)
    const { container, statements } = store({ expired_links: 3 })
    await purgeExpiredRows(container, { batchSize: 1, pauseFactor: 0 })
    expect(statements.every((s) => s.now === at)).toBe(true)
  })

  it("stops starting batches once the time budget is spent and says the run is not complete", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate"] })
    try {
      const { container, statements, left } = store({ drained_rate_limits: 10_000 }, { statementMs: 100 })
      const run = await purgeExpiredRows(container, { batchSize: 10, budgetMs: 1_000, pauseFactor: 0 })
      expect(run.complete).toBe(false)
      expect(statements.length).toBeLessThanOrEqual(11)
      expect(left.drained_rate_limits).toBeGreaterThan(0)
      expect(statements.some((s) => s.target === "old_idempotency_keys")).toBe(false)
    } finally {
      jest.useRealTimers()
    }
  })

  it("rests twice as long as each full batch took before the next, and not after a short one", async () => {
    const { container } = store({ drained_rate_limits: 30 })
    const service = container.resolve(CUSTOMER_PORTAL_MODULE)
    const spans: { target: PurgeTarget; start: number; end: number }[] = []
    const deleteRows = service.purgeExpired.getMockImplementation()
    service.purgeExpired.mockImplementation(async (target: PurgeTarget, input: { now: Date; limit: number }) => {
      const start = performance.now()
      await new Promise((resolve) => setTimeout(resolve, 20))
      const deleted = await deleteRows(target, input)
      spans.push({ target, start, end: performance.now() })
      return deleted
    })
    const run = await purgeExpiredRows(container, { batchSize: 10 })
    expect(run.purged.rate_limits).toBe(30)
    // Three full batches of buckets, each followed by a rest of twice its time; every other statement comes back short, with no rest after it.
    const first = spans.findIndex((span) => span.target === "drained_rate_limits")
    const gap = (i: number) => spans[i + 1].start - spans[i].end
    for (let i = first; i < first + 3; i++) expect(gap(i)).toBeGreaterThanOrEqual(2 * (spans[i].end - spans[i].start) - 5)
    for (let i = 0; i < spans.length - 1; i++) if (i < first || i >= first + 3) expect(gap(i)).toBeLessThan(30)
  })

  it("does nothing while another server holds the purge's lock", async () => {
    const { container, statements, lock } = store({ drained_rate_limits: 3 }, { lockTaken: true })
    const run = await purgeExpiredRows(container, { pauseFactor: 0 })
    expect(run.skipped).toBe(true)
    expect(statements).toHaveLength(0)
    expect(lock.holder).toBe("another server")
  })

  it("takes over a lock whose lease ran out under a server that stopped, and gives it back after the run", async () => {
    const { container, statements, lock, locking } = store({ drained_rate_limits: 3 }, { lockTaken: true, expiredLease: true })
    const run = await purgeExpiredRows(container, { pauseFactor: 0, budgetMs: 30_000 })
    expect(run.skipped).toBe(false)
    expect(statements.length).toBeGreaterThan(0)
    expect(lock.holder).toBeNull()
    // The lease outlasts the time budget, so a run is never cut off by its own lock.
    expect(locking.acquire.mock.calls.at(-1)![1].expire).toBeGreaterThan(30)
    expect(lock.released).toEqual([locking.acquire.mock.calls.at(-1)![1].ownerId])
  })

  it("gives the lock back when a statement fails", async () => {
    const { container, lock } = store({})
    const service = container.resolve(CUSTOMER_PORTAL_MODULE)
    service.purgeExpired.mockRejectedValueOnce(new Error("connection lost"))
    await expect(purgeExpiredRows(container, { pauseFactor: 0 })).rejects.toThrow("connection lost")
    expect(lock.holder).toBeNull()
  })
})

import fs from "node:fs"
import path from "node:path"
import { Client } from "pg"
import { PgFaultProxy, type FaultMatch } from "../helpers/pg-fault-proxy"
import { linkIn, readOutbox, tokenOf, waitForEmails } from "../helpers/outbox"
import { startServer, type ServerProcess } from "../helpers/server-process"
import { copySubscription, DUE_A_MINUTE_AGO, signInByEmail, storeRequests } from "../helpers/store-requests"
import { waitFor } from "../helpers/wait"

/**
 * Fault injection. A real Medusa server (`medusa start`, PostgreSQL locks,
 * the plugin's test card provider, the file email provider) talks to
 * PostgreSQL through a proxy that can drop the connection carrying a chosen
 * statement, or hold it while the server is killed. Whatever breaks, the
 * money stays right: no payment is kept without its invoice paid and its
 * subscription active, nothing is left half-done, and the customer can try
 * again. The database is prepared by `npm test` (scripts/lib/faults-stack.mjs).
 */
type Info = { root: string; work: string; database_url: string; seed: { publishable_key: string; business_id: string } }
const info: Info = JSON.parse(fs.readFileSync(process.env.FAULTS_INFO!, "utf8"))
const outbox = path.join(info.work, "emails")

jest.setTimeout(300_000)

const GOOD = "4242424242424242"
const PROCESSING_ERROR = "4000000000000119"
const TIMES_OUT = "4000000000000168"
const INTERRUPTED = "Your payment could not be completed just now. Try again in a moment: you will not be charged twice."
const UNDONE = "Your payment could not be completed, and nothing was charged: the subscription is still on hold. Try again in a moment."
/** The renewal job, once a day (at a time no run is near), except where a test waits for it. */
const JOB_NEVER = "17 3 * * *"
const JOB_OFTEN = "*/2 * * * * *"

const proxy = new PgFaultProxy(
  targetOf(info.database_url),
  // FAULTS_TRACE=1 prints the statements that go by, to find one to break.
  process.env.FAULTS_TRACE ? (sql) => process.stdout.write(`[pg] ${sql.slice(0, 240)}\n`) : undefined
)
let server: ServerProcess
let db: Client
let noor: string
let copies = 0

function targetOf(url: string) {
  const u = new URL(url)
  return { host: u.hostname === "localhost" ? "127.0.0.1" : u.hostname, port: Number(u.port || 5432) }
}

async function boot(schedule = JOB_NEVER) {
  const url = new URL(info.database_url)
  url.hostname = "127.0.0.1"
  url.port = String(proxy.port)
  const env: Record<string, string | undefined> = {
    DATABASE_URL: url.toString(),
    PORTAL_EMAIL_OUTBOX: outbox,
    PORTAL_RENEWAL_SCHEDULE: schedule,
    TEST_CARD_TIMEOUT_MS: "1500",
    MEDUSA_WORKER_MODE: "shared",
    MEDUSA_DISABLE_ADMIN: "true",
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: "info",
    REDIS_URL: "",
    DB_HOST: "",
  }
  server = await startServer({ cwd: info.root, env, logFile: path.join(info.work, "server.log") })
}

const request = storeRequests(info.seed.publishable_key, "10.30")
/** A request to the server running now. */
const call = (method: string, route: string, options?: Parameters<typeof request>[3]) => request(server.url, method, route, options)

const sql = async <T = any>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[]

/** Waits for `check`; a timeout's message ends with the server's log. */
const eventually = (what: string, check: () => Promise<unknown>, timeoutMs = 60_000) =>
  waitFor(check, Boolean, timeoutMs, what).catch((error) => {
    throw new Error(`${error.message}\n${server.log()}`)
  })

const signIn = (email: string) =>
  signInByEmail(request, { request: server.url, redeem: server.url, outbox, business_id: info.seed.business_id }, email)

/** A copy of one of the customer's subscriptions, so each test has its own. */
async function copyOf(email: string, status: "active" | "on_hold", set: Record<string, string>): Promise<string> {
  const [template] = await sql(
    `SELECT s.id FROM subscription s JOIN customer c ON c.id = s.customer_id WHERE c.email = $1 AND s.status = $2 ORDER BY s.created_at LIMIT 1`,
    [email, status]
  )
  const [id] = await copySubscription(db, template.id, [`sub_fault${Date.now()}n${copies++}`], set)
  return id
}

/** A subscription of Noor's on hold after a failed renewal (a copy of the seeded one). */
const onHold = () => copyOf("noor@example.com", "on_hold", { on_hold_since: "now() - interval '1 day'" })

/** A new card saved to Noor's account through the portal, as the storefront's card form does; the saved method's id. */
async function saveCard(number: string): Promise<string> {
  const card = await call("POST", "/store/test-cards", { body: { number, exp_month: 12, exp_year: new Date().getUTCFullYear() + 3 } })
  expect(card.status).toBe(201)
  const saved = await call("POST", "/store/portal/payment-methods", { token: noor, body: { provider_id: "pp_test-card_test", payment_method_id: card.data.card.id } })
  expect(saved.status).toBe(201)
  return saved.data.payment_method.id
}

/** One good card saved for the tests that need any good card (saving is rate limited per customer). */
let good: Promise<string> | null = null
const goodCard = () => (good ??= saveCard(GOOD))

let presses = 0
const confirm = (subId: string, methodId: string) =>
  call("POST", `/store/portal/subscriptions/${subId}/payment-method`, {
    token: noor,
    body: { payment_method_id: methodId },
    headers: { "idempotency-key": `fault-${Date.now()}-${presses++}` },
  })

/** Every payment of the subscription's renewal orders, with what was refunded of it. */
async function payments(subId: string) {
  return sql<{ order_id: string; payment_id: string; amount: string; captured_at: Date | null; canceled_at: Date | null; refunded: string }>(
    `SELECT o.id AS order_id, p.id AS payment_id, p.amount::text, p.captured_at, p.canceled_at,
            (SELECT coalesce(sum(r.amount), 0)::text FROM refund r WHERE r.payment_id = p.id AND r.deleted_at IS NULL) AS refunded
     FROM "order" o
     JOIN order_payment_collection opc ON opc.order_id = o.id AND opc.deleted_at IS NULL
     JOIN payment p ON p.payment_collection_id = opc.payment_collection_id AND p.deleted_at IS NULL
     WHERE o.metadata->>'customer_portal_renewal_of' = $1 AND o.deleted_at IS NULL ORDER BY p.created_at`,
    [subId]
  )
}

/**
 * The money rule, checked against the database: a payment kept (captured,
 * not refunded) has its invoice paid by it and the subscription active; a
 * subscription still on hold has no payment kept and no invoice paid. Returns
 * the payments kept.
 */
async function expectMoneyConsistent(subId: string) {
  const all = await payments(subId)
  const kept = all.filter((p) => p.captured_at && Number(p.refunded) < Number(p.amount))
  const [sub] = await sql(`SELECT status FROM subscription WHERE id = $1`, [subId])
  const invoices = await sql(`SELECT id, status, payment_id, order_id, paid_at, charge_cart_id FROM invoice WHERE subscription_id = $1 AND deleted_at IS NULL`, [subId])
  const paid = invoices.filter((i) => i.status === "paid")
  expect(paid.map((i) => i.payment_id).sort()).toEqual(kept.map((p) => p.payment_id).sort())
  // A kept payment is a paid period of a live subscription; nothing is left attached to an invoice that is not open.
  if (kept.length) expect(sub.status).toBe("active")
  for (const i of invoices.filter((i) => i.status !== "open" && i.status !== "paid")) expect(i.charge_cart_id).toBeNull()
  if (sub.status === "on_hold") {
    expect(kept).toHaveLength(0)
    // What it owes is one open invoice, with no payment half-attached to it.
    const open = invoices.filter((i) => i.status === "open")
    expect(open.length).toBeLessThanOrEqual(1)
    for (const i of open) expect(i).toMatchObject({ payment_id: null, order_id: null, paid_at: null })
  }
  if (sub.status === "cancelled") {
    // Ended now: nothing it was charging is kept, and nothing it owed is still open.
    expect(kept).toHaveLength(0)
    expect(invoices.filter((i) => i.status === "open")).toHaveLength(0)
  }
  return { sub, kept, all, invoices }
}

/** After a fault was recovered from: the subscription active, paid once, and no authorization left hanging. */
async function expectPaidOnce(subId: string) {
  const { sub, kept, all } = await expectMoneyConsistent(subId)
  expect(sub.status).toBe("active")
  expect(kept).toHaveLength(1)
  for (const p of all) expect(p.captured_at !== null || p.canceled_at !== null).toBe(true)
}

/**
 * How many emails `to` has, once the outbox has been still for a moment: emails are sent by
 * subscribers after the answer, so an earlier test's may still be on their way.
 */
async function settledCount(to: string): Promise<number> {
  const count = () => readOutbox(outbox).filter((e) => e.to === to).length
  for (let last = count(); ; ) {
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    const now = count()
    if (now === last) return now
    last = now
  }
}

/** A failure answer the customer can act on: a message, nothing internal. */
function expectClearFailure(res: { status: number; data: any; text: string }, message: string) {
  expect(res.status).toBeGreaterThanOrEqual(400)
  expect(res.data.message).toBe(message)
  expect(res.text).not.toMatch(/(sub|pay|order|cart|inv|paycol|noti)_[0-9A-Za-z]{10,}|Connection terminated|ECONN|\bat .*\.(ts|js):\d+/)
}

// MikroORM sends its statements with the values written in.
const invoicePaid: FaultMatch = { sql: /^update "invoice" set .*"status" = 'paid'/is }
const subscriptionActive: FaultMatch = { sql: /^update "subscription" set .*"status" = 'active'/is }
const captureRecorded: FaultMatch = { sql: /^insert into "capture"/i }
const refundRecorded: FaultMatch = { sql: /^insert into "refund"/i }
const sessionCreated: FaultMatch = { sql: /^insert into "payment_session"/i }
/** An attempt taken off its invoice (declined, or its payment given back). */
const attemptTakenOff: FaultMatch = { sql: /^UPDATE invoice SET charge_cart_id = NULL/ }
/** A renewal's next period (a reactivation's update names the status as well). */
const periodAdvanced: FaultMatch = { sql: /^update "subscription" set (?!.*"status").*"current_period_end" = /is }
const BEING_RECORDED = "Your payment went through, but it could not be recorded just now. It will be within a few minutes, and you will not be charged again."

beforeAll(async () => {
  db = new Client({ connectionString: info.database_url })
  await db.connect()
  await proxy.start()
  await boot()
  noor = await signIn("noor@example.com")
})

afterAll(async () => {
  await server?.stop()
  await proxy.stop()
  await db?.end()
})

afterEach(() => proxy.disarm())

describe("the payment provider fails", () => {
  it("an error from the provider charges nothing and says to try again; another attempt pays once", async () => {
    const sub = await onHold()
    const res = await confirm(sub, await saveCard(PROCESSING_ERROR))
    expect(res.status).toBe(500)
    expectClearFailure(res, INTERRUPTED)
    const { sub: after, all } = await expectMoneyConsistent(sub)
    expect(after.status).toBe("on_hold")
    expect(all).toHaveLength(0)

    const retry = await confirm(sub, await saveCard(GOOD))
    expect(retry.status).toBe(200)
    expect(retry.data.outcome).toBe("reactivated")
    await expectPaidOnce(sub)
  })

  it("a provider that does not answer in time charges nothing, even pressed twice at once; the next card pays once", async () => {
    const sub = await onHold()
    const slow = await saveCard(TIMES_OUT)
    const answers = await Promise.all([confirm(sub, slow), confirm(sub, slow)])
    for (const res of answers) expectClearFailure(res, INTERRUPTED)
    expect((await expectMoneyConsistent(sub)).all).toHaveLength(0)

    const retry = await confirm(sub, await saveCard(GOOD))
    expect(retry.data.outcome).toBe("reactivated")
    await expectPaidOnce(sub)
  })
})

describe("the database connection drops mid-payment", () => {
  it("while the capture is recorded: nothing kept; the retry captures that same order instead of charging again", async () => {
    const sub = await onHold()
    const card = await saveCard(GOOD)
    const fault = proxy.arm(captureRecorded, "drop")
    const res = await confirm(sub, card)
    await fault.hit
    expectClearFailure(res, INTERRUPTED)
    const { sub: after, all } = await expectMoneyConsistent(sub)
    expect(after.status).toBe("on_hold")
    // The order was placed and its payment authorized, not taken.
    expect(all).toHaveLength(1)
    expect(all[0].captured_at).toBeNull()

    const retry = await confirm(sub, card)
    expect(retry.status).toBe(200)
    expect(retry.data.outcome).toBe("reactivated")
    await expectPaidOnce(sub)
    const [order] = await payments(sub)
    expect(order.order_id).toBe(all[0].order_id)
  })

  for (const [moment, match] of [
    ["while the invoice is marked paid", invoicePaid],
    ["while the subscription is made active", subscriptionActive],
  ] as const) {
    it(`${moment}: the payment is given back and the subscription stays on hold; the retry pays once`, async () => {
      const sub = await onHold()
      const card = await saveCard(GOOD)
      const fault = proxy.arm(match, "drop")
      const res = await confirm(sub, card)
      await fault.hit
      expectClearFailure(res, UNDONE)
      const { sub: after, all, kept } = await expectMoneyConsistent(sub)
      expect(after.status).toBe("on_hold")
      expect(all).toHaveLength(1)
      expect(kept).toHaveLength(0)

      const retry = await confirm(sub, card)
      expect(retry.status).toBe(200)
      expect(retry.data.outcome).toBe("reactivated")
      await expectPaidOnce(sub)
    })
  }

  it("the server keeps serving after its connections are cut", async () => {
    proxy.dropAll()
    const me = await waitFor(() => call("GET", "/store/portal/me", { token: noor }), (res) => res.status === 200, 10_000, "an answer")
    expect(me.data.customer.email).toBe("noor@example.com")
  })
})

describe("the server is killed during a reactivation", () => {
  /** Starts a reactivation of a subscription on hold with a good card, and kills the server when its statement `at` is held. */
  async function killedReactivation(at: FaultMatch) {
    const sub = await onHold()
    const card = await saveCard(GOOD)
    const fault = proxy.arm(at, "hold")
    const pending = confirm(sub, card).catch(() => null)
    await fault.hit
    await server.kill()
    // The customer never got an answer.
    expect(await pending).toBeNull()
    return { sub, card }
  }

  it("after the money was taken: once it is back, the customer's retry records that payment, and charges nothing more", async () => {
    const sent = await settledCount("noor@example.com")
    const { sub, card } = await killedReactivation(invoicePaid)
    // The window a crash leaves: the payment taken, the invoice not yet paid.
    const [taken] = await payments(sub)
    expect(taken.captured_at).not.toBeNull()

    await boot()
    const retry = await confirm(sub, card)
    expect(retry.status).toBe(200)
    expect(retry.data.outcome).toBe("reactivated")
    await expectPaidOnce(sub)
    const [only] = await payments(sub)
    expect(only.payment_id).toBe(taken.payment_id)
    expect(Number(only.refunded)).toBe(0)
    // Told as of any reactivation, after the answer (and before the next test stops this server).
    const emails = await waitForEmails(outbox, "noor@example.com", sent + 2, 30_000)
    expect(emails.slice(sent).map((e) => e.template).sort()).toEqual(["subscription-payment-succeeded", "subscription-reactivated"])
  })

  it("before the capture, and nobody comes back: the job finds the placed order, captures it and reactivates", async () => {
    const before = await settledCount("noor@example.com")
    const { sub } = await killedReactivation(captureRecorded)
    const [authorized] = await payments(sub)
    expect(authorized.captured_at).toBeNull()

    await boot(JOB_OFTEN)
    await eventually("the job to record the interrupted payment", async () => {
      const [row] = await sql(`SELECT status FROM subscription WHERE id = $1`, [sub])
      return row.status === "active"
    }, 90_000)
    await expectPaidOnce(sub)
    const [only] = await payments(sub)
    expect(only.payment_id).toBe(authorized.payment_id)
    const [row] = await sql(`SELECT payment_method_last4 FROM subscription WHERE id = $1`, [sub])
    expect(row.payment_method_last4).toBe("4242")
    // The customer hears of it as of any reactivation: the payment received, the subscription active again.
    const emails = await waitForEmails(outbox, "noor@example.com", before + 2, 30_000)
    expect(emails.slice(before).map((e) => e.template).sort()).toEqual(["subscription-payment-succeeded", "subscription-reactivated"])
  })
})

describe("the database connection drops during a renewal", () => {
  it("the job's charge is cut off after the order was placed; its next run captures that order: paid once, the next period begun", async () => {
    // The server of the test before runs the renewal job every 2 seconds.
    const fault = proxy.arm(captureRecorded, "drop")
    const sub = await copyOf("layla@example.com", "active", DUE_A_MINUTE_AGO)
    await fault.hit
    // The renewal stays due until a run records it.
    const [during] = await sql(`SELECT status, next_renewal_at < now() AS due FROM subscription WHERE id = $1`, [sub])
    expect(during).toEqual({ status: "active", due: true })
    await eventually("the next run to record the renewal", async () => {
      const [row] = await sql(`SELECT next_renewal_at > now() AS renewed FROM subscription WHERE id = $1`, [sub])
      return row.renewed
    })
    await expectPaidOnce(sub)
    const invoices = await sql(`SELECT status FROM invoice WHERE subscription_id = $1`, [sub])
    expect(invoices).toEqual([{ status: "paid" }])
  })
})

describe("the database connection drops during a renewal, after the money was taken", () => {
  // The server runs the renewal job every 2 seconds.
  beforeAll(async () => {
    await server.stop()
    await boot(JOB_OFTEN)
  })
  const renewed = (sub: string) =>
    eventually("the next run to renew it", async () => {
      const [row] = await sql(`SELECT next_renewal_at > now() AS renewed FROM subscription WHERE id = $1`, [sub])
      return row.renewed
    })

  for (const [moment, match] of [
    ["while its invoice is marked paid", invoicePaid],
    ["while its next period is begun", periodAdvanced],
  ] as const) {
    it(`${moment}: the payment is given back and counts for nothing; the next run charges once: one period, one payment kept`, async () => {
      const fault = proxy.arm(match, "drop")
      const sub = await copyOf("layla@example.com", "active", DUE_A_MINUTE_AGO)
      await fault.hit
      await renewed(sub)
      const { kept, all } = await expectMoneyConsistent(sub)
      expect(kept).toHaveLength(1)
      // The first was refunded in full; the period was paid by the second.
      expect(all).toHaveLength(2)
      expect(Number(all[0].refunded)).toBe(Number(all[0].amount))
      const [row] = await sql(`SELECT current_period_end - current_period_start AS length, status FROM subscription WHERE id = $1`, [sub])
      expect(row.status).toBe("active")
      expect((await sql(`SELECT status FROM invoice WHERE subscription_id = $1`, [sub])).map((i) => i.status)).toEqual(["paid"])
    })
  }

  it("its refund goes through but taking the attempt off is cut: the refunded payment still counts for nothing; the next run charges once more", async () => {
    const cut = proxy.arm(invoicePaid, "drop")
    const stays = proxy.arm(attemptTakenOff, "drop")
    const sub = await copyOf("layla@example.com", "active", DUE_A_MINUTE_AGO)
    await cut.hit
    await stays.hit
    await renewed(sub)
    const { kept, all } = await expectMoneyConsistent(sub)
    expect(kept).toHaveLength(1)
    expect(all).toHaveLength(2)
    expect(Number(all[0].refunded)).toBe(Number(all[0].amount))
  })

  it("and its refund fails too: the payment stays attached, and the next run records that same payment, charging nothing more", async () => {
    const cut = proxy.arm(invoicePaid, "drop")
    const noRefund = proxy.arm(refundRecorded, "drop")
    const sub = await copyOf("layla@example.com", "active", DUE_A_MINUTE_AGO)
    await cut.hit
    await noRefund.hit
    await renewed(sub)
    await expectPaidOnce(sub)
    const [only] = await payments(sub)
    expect(Number(only.refunded)).toBe(0)
  })

  it("the server is killed there: once it is back, the next run records that payment", async () => {
    const fault = proxy.arm(invoicePaid, "hold")
    const sub = await copyOf("layla@example.com", "active", DUE_A_MINUTE_AGO)
    await fault.hit
    await server.kill()
    const [taken] = await payments(sub)
    expect(taken.captured_at).not.toBeNull()
    await boot(JOB_OFTEN)
    await renewed(sub)
    await expectPaidOnce(sub)
    expect((await payments(sub))[0].payment_id).toBe(taken.payment_id)
  })
})

describe("the merchant retries an on-hold charge", () => {
  let admin: Record<string, string>
  beforeAll(async () => {
    await server.stop()
    await boot()
    const auth = await call("POST", "/auth/user/emailpass", { body: { email: "admin@example.com", password: "supersecret" } })
    admin = { authorization: `Bearer ${auth.data.token}` }
  })
  /** A copy of Noor's on-hold subscription whose saved method is now a good card. */
  async function onHoldWithGoodCard() {
    const sub = await onHold()
    // The card as the portal saved it, with the record whose account holder keeps it (`tcus_<customer id>` at the provider).
    const card = await goodCard()
    const [holder] = await sql(
      `SELECT ah.id, substr(tc.holder, 6) AS customer_id FROM test_card tc JOIN account_holder ah ON ah.external_id = tc.holder AND ah.deleted_at IS NULL WHERE tc.id = $1`,
      [card]
    )
    await sql(
      `UPDATE subscription SET payment_method_id = $2, payment_method_last4 = '4242', payment_customer_id = $3, account_holder_id = $4 WHERE id = $1`,
      [sub, card, holder.customer_id, holder.id]
    )
    return sub
  }
  const retry = (sub: string) => call("POST", `/admin/customer-portal/subscriptions/${sub}/retry`, { headers: admin })

  for (const [moment, match] of [
    ["while the invoice is marked paid", invoicePaid],
    ["while the subscription is made active", subscriptionActive],
  ] as const) {
    it(`cut ${moment}: the payment is given back, it stays on hold; retried again it pays once`, async () => {
      const sub = await onHoldWithGoodCard()
      const fault = proxy.arm(match, "drop")
      const res = await retry(sub)
      await fault.hit
      expectClearFailure(res, UNDONE)
      const { sub: after, kept } = await expectMoneyConsistent(sub)
      expect(after.status).toBe("on_hold")
      expect(kept).toHaveLength(0)

      const again = await retry(sub)
      expect(again.status).toBe(200)
      expect(again.data.subscription.status).toBe("active")
      await expectPaidOnce(sub)
      // Never a second invoice beside the one it owed.
      expect(await sql(`SELECT status FROM invoice WHERE subscription_id = $1`, [sub])).toHaveLength(1)
    })
  }

  it("the server is killed after the money was taken: the sweep records that payment, and the customer's later change charges nothing", async () => {
    const sub = await onHoldWithGoodCard()
    const fault = proxy.arm(invoicePaid, "hold")
    const pending = retry(sub).catch(() => null)
    await fault.hit
    await server.kill()
    expect(await pending).toBeNull()
    await boot(JOB_OFTEN)
    await eventually("the sweep to record it", async () => (await sql(`SELECT status FROM subscription WHERE id = $1`, [sub]))[0].status === "active", 90_000)
    await expectPaidOnce(sub)
    // Active now: a new method only switches, it pays nothing.
    const change = await confirm(sub, await goodCard())
    expect(change.data.outcome).toBe("updated")
    await expectPaidOnce(sub)
  })
})

describe("a lease lost mid-charge", () => {
  const lockKey = (sub: string) => `customer-portal:subscription:${sub}`
  /** The holder's lease runs out while it is stalled: the lock is no longer its own, and has expired. */
  const lapse = (sub: string) => sql(`UPDATE locking SET owner_id = 'lapsed', expiration = now() - interval '1 second' WHERE id = $1`, [lockKey(sub)])

  beforeAll(async () => {
    await server.stop()
    await boot()
  })

  it("stalled before its money moved, another holder takes over: one payment, the new holder's; the stalled one stops", async () => {
    const sub = await onHold()
    const [mine, other] = [await goodCard(), await goodCard()]
    const stalled = proxy.arm(sessionCreated, "hold")
    const first = confirm(sub, mine)
    await stalled.hit
    await lapse(sub)
    const second = await confirm(sub, other)
    expect(second.status).toBe(200)
    expect(second.data.outcome).toBe("reactivated")

    stalled.release()
    const late = await first
    expect(late.status).toBeGreaterThanOrEqual(400)
    expect(late.text).not.toMatch(/(sub|pay|order|cart|inv)_[0-9A-Za-z]{10,}/)
    await expectPaidOnce(sub)
    expect(await payments(sub)).toHaveLength(1)
  })

  it("stalled while capturing, another holder waits for it and records that payment: one payment kept, never a second", async () => {
    const sub = await onHold()
    const [mine, other] = [await goodCard(), await goodCard()]
    const stalled = proxy.arm(captureRecorded, "hold")
    const first = confirm(sub, mine)
    await stalled.hit
    await lapse(sub)
    const second = confirm(sub, other)
    // The newer holder cannot take the subscription while the capture runs; it goes on once the capture is done.
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    stalled.release()
    const answers = await Promise.all([first, second])
    expect(answers.filter((a) => a.status === 200 && a.data.outcome === "reactivated")).toHaveLength(1)
    await expectPaidOnce(sub)
    expect(await payments(sub)).toHaveLength(1)
  })
})

describe("cancelling now while a charge is under way", () => {
  const cancelNow = (sub: string) => call("POST", `/store/portal/subscriptions/${sub}/cancel`, { token: noor, body: { when: "now", reason: "unused" } })

  it("its capture was cut: the authorization is released before the invoice is voided; nothing kept", async () => {
    const sub = await onHold()
    const card = await goodCard()
    const fault = proxy.arm(captureRecorded, "drop")
    expectClearFailure(await confirm(sub, card), INTERRUPTED)
    await fault.hit
    const res = await cancelNow(sub)
    expect(res.status).toBe(200)
    expect(res.data.subscription.status).toBe("cancelled")
    const { all } = await expectMoneyConsistent(sub)
    expect(all).toHaveLength(1)
    expect(all[0].canceled_at).not.toBeNull()
    expect((await sql(`SELECT status FROM invoice WHERE subscription_id = $1`, [sub])).map((i) => i.status)).toEqual(["void"])
  })

  it("the money was taken and the server killed: cancelling gives it back first; if the refund fails nothing is cancelled, and the next try does it", async () => {
    const sub = await onHold()
    const card = await goodCard()
    const fault = proxy.arm(invoicePaid, "hold")
    const pending = confirm(sub, card).catch(() => null)
    await fault.hit
    await server.kill()
    await pending
    await boot()
    await eventually("the killed holder's lease to lapse", async () =>
      !(await sql(`SELECT 1 FROM locking WHERE id = $1 AND expiration > now()`, [`customer-portal:subscription:${sub}`])).length
    )

    const noRefund = proxy.arm(refundRecorded, "drop")
    const refused = await cancelNow(sub)
    await noRefund.hit
    expectClearFailure(refused, "A payment of this subscription is still being processed and could not be given back just now, so nothing was cancelled. Try again in a moment.")
    const [still] = await sql(`SELECT s.status, i.charge_cart_id FROM subscription s JOIN invoice i ON i.subscription_id = s.id WHERE s.id = $1`, [sub])
    expect(still.status).toBe("on_hold")
    expect(still.charge_cart_id).not.toBeNull()

    const res = await cancelNow(sub)
    expect(res.status).toBe(200)
    const { all, kept } = await expectMoneyConsistent(sub)
    expect(kept).toHaveLength(0)
    expect(all).toHaveLength(1)
    expect(Number(all[0].refunded)).toBe(Number(all[0].amount))
  })
})

describe("a reactivation whose refund fails", () => {
  it("cut while the invoice is marked paid, and the refund fails: the customer is told it went through; the retry records that payment and charges nothing more", async () => {
    const sub = await onHold()
    const card = await goodCard()
    const cut = proxy.arm(invoicePaid, "drop")
    const noRefund = proxy.arm(refundRecorded, "drop")
    const res = await confirm(sub, card)
    await cut.hit
    await noRefund.hit
    expectClearFailure(res, BEING_RECORDED)
    // Not reopened as unpaid: the payment is still attached to what it paid.
    const [open] = await sql(`SELECT status, charge_cart_id FROM invoice WHERE subscription_id = $1`, [sub])
    expect(open.status).toBe("open")
    expect(open.charge_cart_id).not.toBeNull()

    const retry = await confirm(sub, card)
    expect(retry.status).toBe(200)
    expect(retry.data.outcome).toBe("reactivated")
    await expectPaidOnce(sub)
    const [only] = await payments(sub)
    expect(Number(only.refunded)).toBe(0)
  })
})

describe("the notification provider fails", () => {
  const email = "layla@example.com"
  const request = async () => {
    // One request per email a minute: the minute between these requests passes at once.
    await sql(`DELETE FROM portal_rate_limit WHERE key LIKE 'login:email-gap:%'`)
    return call("POST", "/store/portal/login-requests", { body: { business_id: info.seed.business_id, email } })
  }
  const linksOf = async () =>
    sql(
      `SELECT l.id FROM portal_link l JOIN customer c ON c.id = l.customer_id
       WHERE c.email = $1 AND l.issued_by_type = 'customer_request' AND l.used_at IS NULL AND l.revoked_at IS NULL AND l.deleted_at IS NULL`,
      [email]
    )

  it("a sign-in link that cannot be sent leaves nothing behind and keeps the last one working; asking again works", async () => {
    // A link already in the inbox.
    expect((await request()).status).toBe(202)
    const [earlier] = await waitForEmails(outbox, email, 1, 30_000)
    const linksBefore = await linksOf()
    expect(linksBefore).toHaveLength(1)

    // The email provider breaks: its folder is a file now.
    const aside = `${outbox}-aside`
    fs.renameSync(outbox, aside)
    fs.writeFileSync(outbox, "not a folder")
    try {
      const since = new Date()
      const res = await request()
      // The answer is the same as ever: the requester learns nothing either way.
      expect(res.status).toBe(202)
      await eventually("the failed send", async () => {
        const rows = await sql(`SELECT status FROM notification WHERE "to" = $1 AND created_at >= $2`, [email, since])
        return rows.some((r) => r.status === "failure")
      })
      // No link was left without its email, and the earlier one was not replaced.
      expect((await linksOf()).map((l) => l.id)).toEqual(linksBefore.map((l) => l.id))
    } finally {
      fs.rmSync(outbox)
      fs.renameSync(aside, outbox)
    }
    const session = await call("POST", "/store/portal/sessions", { body: { token: tokenOf(linkIn(earlier)) } })
    expect(session.status).toBe(201)

    // Once it works again, asking again brings a link that signs in.
    expect((await request()).status).toBe(202)
    const emails = await waitForEmails(outbox, email, 2, 30_000)
    const again = await call("POST", "/store/portal/sessions", { body: { token: tokenOf(linkIn(emails[emails.length - 1])) } })
    expect(again.status).toBe(201)
  })
})

import fs from "node:fs"
import { Client } from "pg"
import { linkIn, tokenOf, waitForEmails } from "../helpers/outbox"
import { copySubscription, DUE_A_MINUTE_AGO, signInByEmail, storeRequests } from "../helpers/store-requests"
import { waitFor } from "../helpers/wait"

/**
 * Production on more than one machine: two Medusa servers and a worker, with
 * Medusa's Redis event bus, workflow engine, caching and locking, against one
 * PostgreSQL (started by `npm test` — scripts/lib/cluster-stack.mjs). Every
 * request below picks a server on purpose.
 */
type Cluster = { servers: [string, string]; worker: string; database_url: string; outbox: string; seed: { publishable_key: string; business_id: string } }
const cluster: Cluster = JSON.parse(fs.readFileSync(process.env.CLUSTER_INFO!, "utf8"))
const [A, B] = cluster.servers

jest.setTimeout(180_000)

let db: Client
/** Noor's session, from the reactivation test: an address may ask for a link once a minute. */
let noorToken: string
const call = storeRequests(cluster.seed.publishable_key, "10.20")

const sql = async <T = any>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[]

const eventually = (what: string, check: () => Promise<unknown>, timeoutMs = 60_000) => waitFor(check, Boolean, timeoutMs, what)

/** Signs in the way a customer does: a request on one server, the worker's email, the link redeemed on the other. */
const signIn = (email: string, request = A, redeem = B) =>
  signInByEmail(call, { request, redeem, outbox: cluster.outbox, business_id: cluster.seed.business_id }, email)

beforeAll(async () => {
  db = new Client({ connectionString: cluster.database_url })
  await db.connect()
})

afterAll(async () => {
  await db?.end()
})

describe("two servers and a worker on Redis, one PostgreSQL", () => {
  it("a sign-in request on one server reaches the worker's subscriber; its link redeemed on both servers at once gives one session", async () => {
    const asked = await call(A, "POST", "/store/portal/login-requests", { body: { business_id: cluster.seed.business_id, email: "layla@example.com" } })
    expect(asked.status).toBe(202)
    // The event went from server A through Redis to the worker, whose subscriber sent the email.
    const [email] = await waitForEmails(cluster.outbox, "layla@example.com", 1, 30_000)
    expect(email.template).toBe("portal-sign-in")
    const token = tokenOf(linkIn(email))

    const answers = await Promise.all([A, B, A, B].map((server) => call(server, "POST", "/store/portal/sessions", { body: { token } })))
    const won = answers.filter((a) => a.status === 201)
    expect(won).toHaveLength(1)
    for (const lost of answers.filter((a) => a.status !== 201)) {
      expect(lost.status).toBeGreaterThanOrEqual(400)
      expect(lost.status).toBeLessThan(500)
      expect(JSON.stringify(lost.data)).not.toMatch(/psess_|plink_|cus_/)
    }
    const [{ sessions }] = await sql(
      `SELECT count(*)::int AS sessions FROM portal_session s JOIN portal_link l ON l.id = s.link_id WHERE l.token_hash = encode(sha256($1::bytea), 'hex')`,
      [token]
    )
    expect(sessions).toBe(1)

    // The one session works on either server.
    const sessionToken = won[0].data.session_token
    for (const server of [A, B]) {
      const me = await call(server, "GET", "/store/portal/me", { token: sessionToken })
      expect(me.status).toBe(200)
      expect(me.data.customer.email).toBe("layla@example.com")
    }
  })

  it("rate limits hold across servers: one address gets its allowance once, whichever server it asks", async () => {
    const ip = "10.99.0.1"
    const statuses: { server: string; status: number }[] = []
    for (let i = 0; i < 14; i++) {
      const server = i % 2 ? B : A
      const res = await call(server, "POST", "/store/portal/login-requests", {
        body: { business_id: cluster.seed.business_id, email: `someone-${i}@example.com` },
        headers: { "x-forwarded-for": ip },
      })
      statuses.push({ server, status: res.status })
    }
    // The login rule allows a burst of 10 per address: the rest are refused, by both servers.
    expect(statuses.slice(0, 10).every((s) => s.status === 202)).toBe(true)
    expect(statuses.slice(10).every((s) => s.status === 429)).toBe(true)
    expect(new Set(statuses.slice(10).map((s) => s.server))).toEqual(new Set([A, B]))
  })

  it("concurrent reactivations on both servers charge once", async () => {
    const token = (noorToken = await signIn("noor@example.com", B, A))
    const listed = await call(A, "GET", "/store/portal/subscriptions?state=current", { token })
    const onHold = listed.data.subscriptions.find((s: any) => s.status === "on_hold")
    expect(onHold).toBeDefined()
    const card = await call(B, "POST", "/store/test-cards", { body: { number: "4242424242424242", exp_month: 12, exp_year: new Date().getUTCFullYear() + 3 } })
    expect(card.status).toBe(201)
    const saved = await call(A, "POST", "/store/portal/payment-methods", { token, body: { provider_id: "pp_test-card_test", payment_method_id: card.data.card.id } })
    expect(saved.status).toBe(201)

    // Six presses at once, three on each server, each with its own Idempotency-Key: only the subscription's lock (in Redis) can keep them apart.
    const answers = await Promise.all(
      [A, B, A, B, A, B].map((server, i) =>
        call(server, "POST", `/store/portal/subscriptions/${onHold.id}/payment-method`, {
          token,
          body: { payment_method_id: saved.data.payment_method.id },
          headers: { "idempotency-key": `cluster-reactivate-${i}` },
        })
      )
    )
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200])
    expect(answers.filter((a) => a.data.outcome === "reactivated")).toHaveLength(1)
    expect(answers.filter((a) => a.data.outcome === "updated")).toHaveLength(5)

    const orders = await sql(`SELECT id FROM "order" WHERE metadata->>'customer_portal_renewal_of' = $1 AND deleted_at IS NULL`, [onHold.id])
    expect(orders).toHaveLength(1)
    const payments = await sql(
      `SELECT p.amount, p.captured_at FROM payment p
         JOIN order_payment_collection opc ON opc.payment_collection_id = p.payment_collection_id
       WHERE opc.order_id = $1 AND p.deleted_at IS NULL`,
      [orders[0].id]
    )
    expect(payments).toHaveLength(1)
    expect(payments[0].captured_at).not.toBeNull()
    const [sub] = await sql(`SELECT status FROM subscription WHERE id = $1`, [onHold.id])
    expect(sub.status).toBe("active")
    const paid = await sql(`SELECT id FROM invoice WHERE subscription_id = $1 AND status = 'paid'`, [onHold.id])
    expect(paid).toHaveLength(1)
  })

  it("the worker's renewal job charges each due period once", async () => {
    const [layla] = await sql(`SELECT id FROM customer WHERE email = 'layla@example.com' AND has_account AND deleted_at IS NULL`)
    const [template] = await sql(`SELECT id FROM subscription WHERE customer_id = $1 AND status = 'active' AND deleted_at IS NULL LIMIT 1`, [layla.id])
    // Six subscriptions due a minute ago, copies of Layla's with her saved card; the job runs every 5 seconds.
    const ids = await copySubscription(db, template.id, [1, 2, 3, 4, 5, 6].map((n) => `sub_cluster${n}`), DUE_A_MINUTE_AGO)
    await eventually(
      "the renewals",
      async () => (await sql(`SELECT id FROM subscription WHERE id = ANY($1) AND next_renewal_at > now()`, [ids])).length === ids.length,
      90_000
    )
    // Two more runs of the job find nothing more to charge.
    await new Promise((r) => setTimeout(r, 11_000))
    const orders = await sql<{ sub: string; n: number }>(
      `SELECT metadata->>'customer_portal_renewal_of' AS sub, count(*)::int AS n FROM "order"
       WHERE metadata->>'customer_portal_renewal_of' = ANY($1) AND deleted_at IS NULL GROUP BY 1`,
      [ids]
    )
    expect(orders.map((o) => o.n)).toEqual(ids.map(() => 1))
    const invoices = await sql<{ subscription_id: string; status: string }>(`SELECT subscription_id, status FROM invoice WHERE subscription_id = ANY($1)`, [ids])
    expect(invoices).toHaveLength(ids.length)
    expect(invoices.every((i) => i.status === "paid")).toBe(true)
    const [{ captured }] = await sql(
      `SELECT count(*)::int AS captured FROM payment p JOIN order_payment_collection opc ON opc.payment_collection_id = p.payment_collection_id
       JOIN "order" o ON o.id = opc.order_id WHERE o.metadata->>'customer_portal_renewal_of' = ANY($1) AND p.captured_at IS NOT NULL`,
      [ids]
    )
    expect(captured).toBe(ids.length)
  })

  it("a change on one server reaches the worker's subscribers: the sessions see the customer's records again", async () => {
    const token = noorToken
    // Any request remembers the session's customer records for a minute.
    expect((await call(A, "GET", "/store/portal/me", { token })).status).toBe(200)
    const [session] = await sql(
      `SELECT s.id FROM portal_session s JOIN customer c ON c.id = s.customer_id
       WHERE c.email = 'noor@example.com' AND s.customers_checked_at IS NOT NULL ORDER BY s.created_at DESC LIMIT 1`
    )
    expect(session).toBeDefined()
    const updated = await call(B, "POST", "/store/portal/me", { token, body: { first_name: "Noor" } })
    expect(updated.status).toBe(200)
    // customer.updated went through Redis to the worker, whose subscriber made the session look again.
    await eventually("customer.updated to reach the worker", async () => {
      const [row] = await sql(`SELECT customers_checked_at FROM portal_session WHERE id = $1`, [session.id])
      return row.customers_checked_at === null
    })
  })
})

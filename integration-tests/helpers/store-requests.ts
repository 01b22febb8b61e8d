import { linkIn, readOutbox, tokenOf, waitForEmails } from "./outbox"

/** An answer of a running store, read once: its status, its JSON body and the text it came as. */
export type StoreAnswer = { status: number; data: any; text: string }

/**
 * Requests to running store processes (the scale-out and fault suites), as a storefront makes
 * them: with the publishable key, a session token when given, and each from an address of its
 * own under `addressPrefix` (`10.20` → 10.20.0.0, 10.20.0.1, …), so the per-address limits of
 * one test never reach the next.
 */
export function storeRequests(publishableKey: string, addressPrefix: string) {
  let address = 0
  return async (
    baseUrl: string,
    method: string,
    path: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}
  ): Promise<StoreAnswer> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        "content-type": "application/json",
        "x-publishable-api-key": publishableKey,
        "x-forwarded-for": `${addressPrefix}.${(address >> 8) & 255}.${address++ & 255}`,
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.headers ?? {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    const text = await res.text()
    return { status: res.status, data: text ? JSON.parse(text) : null, text }
  }
}

/**
 * Signs in the way a customer does: a sign-in request on `request`, the email the store's
 * subscriber writes to `outbox`, its link redeemed on `redeem`; the session's token.
 */
export async function signInByEmail(
  call: ReturnType<typeof storeRequests>,
  store: { request: string; redeem: string; outbox: string; business_id: string },
  email: string
): Promise<string> {
  const before = readOutbox(store.outbox).filter((e) => e.to === email).length
  const asked = await call(store.request, "POST", "/store/portal/login-requests", { body: { business_id: store.business_id, email } })
  expect(asked.status).toBe(202)
  const emails = await waitForEmails(store.outbox, email, before + 1, 30_000)
  // The newest sign-in email (emails about a subscription carry the sign-in page, not a link).
  const signIn = emails.filter((e) => e.template === "portal-sign-in").pop()!
  const session = await call(store.redeem, "POST", "/store/portal/sessions", { body: { token: tokenOf(linkIn(signIn)) } })
  expect(session.status).toBe(201)
  return session.data.session_token
}

/**
 * Copies a subscription row straight in SQL, for suites that talk to a running store: one copy per
 * id, `set` giving some columns as SQL expressions; the order line it came from is not copied.
 */
export async function copySubscription(
  db: { query: (text: string, params?: unknown[]) => Promise<{ rows: any[] }> },
  templateId: string,
  ids: string[],
  set: Record<string, string> = {}
): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT column_name FROM information_schema.columns
     WHERE table_name = 'subscription' AND table_schema = current_schema() AND NOT (column_name = ANY($1))`,
    [["id", "created_at", "updated_at", "order_id", "order_line_item_id", ...Object.keys(set)]]
  )
  const copied = rows.map((c) => `"${c.column_name}"`)
  const columns = [...Object.keys(set).map((c) => `"${c}"`), ...copied]
  await db.query(
    `INSERT INTO subscription (id, created_at, updated_at, ${columns.join(", ")})
     SELECT copy.id, now(), now(), ${[...Object.values(set), ...copied].join(", ")}
     FROM subscription, unnest($2::text[]) AS copy(id) WHERE subscription.id = $1`,
    [templateId, ids]
  )
  return ids
}

/** `copySubscription` columns for a copy due a minute ago, at the end of a 31-day period. */
export const DUE_A_MINUTE_AGO = {
  current_period_start: "now() - interval '31 days'",
  current_period_end: "now() - interval '1 minute'",
  next_renewal_at: "now() - interval '1 minute'",
}

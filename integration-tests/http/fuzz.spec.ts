import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import fc from "fast-check"
import { clock } from "../../src/lib/clock"
import { CUSTOMER_PORTAL_MODULE } from "../../src/modules/customer-portal"
import type CustomerPortalModuleService from "../../src/modules/customer-portal/service"
import { createAdminHeaders, createStoreHeaders, portalSession } from "../helpers/auth"
import { createOwnedObjects } from "../helpers/owned-objects"
import { fillRoute, routeTree } from "../helpers/routes"

jest.setTimeout(600_000)

/**
 * Property-based requests at every route of the plugin (fast-check): generated bodies (any JSON,
 * malformed JSON, other content types, and near misses of a valid body), queries, headers and
 * path ids. Never a 5xx, never an internal trace, a 4xx always with a message, and a refused
 * write changes nothing. `FUZZ_RUNS` requests per route (25), `FUZZ_SEED` for another search (or `random`),
 * `FUZZ_REPORT=1` to print what each route answered.
 */
const RUNS = Number(process.env.FUZZ_RUNS || 25)
/** One fixed search by default, so a run can be repeated; `FUZZ_SEED=random` for a new one each time. */
const SEED = process.env.FUZZ_SEED === "random" ? undefined : Number(process.env.FUZZ_SEED || 20261124)

/** Routes a visitor calls without a portal session (see `authenticatePortal`). */
const PUBLIC = new Set([
  "GET /store/portal/businesses/:business_id",
  "POST /store/portal/login-requests",
  "POST /store/portal/sessions",
  "POST /store/portal/email-changes",
  "POST /store/portal/link-previews",
  "POST /store/test-cards",
  "POST /licenses/activate",
  "POST /licenses/deactivate",
  "POST /licenses/validate",
])
/** Routes that end the session or access they are called with: fuzzed with a session of their own that is thrown away. */
const ENDS_ACCESS = new Set(["DELETE /store/portal/sessions/current", "DELETE /store/portal/sessions"])

// The names the routes read, and some they must refuse, so generated bodies reach past "unknown field".
const FIELD = fc.constantFrom(
  "email", "business_id", "token", "locale", "mode", "first_name", "last_name", "phone", "when", "reason", "comment",
  "payment_method_id", "provider_id", "confirmation", "key", "instance_name", "csv", "name", "product_variant_id",
  "interval", "status", "state", "from", "to", "limit", "offset", "q", "customer_id", "id", "subscription_id", "__proto__", "constructor"
)
const PRINTABLE = fc.stringMatching(/^[\x20-\x7e]{0,60}$/)
const SCALAR = fc.oneof(fc.string({ maxLength: 80 }), PRINTABLE, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom("now", "period_end", "other", "month", "open", "en", "ar", "test", "live", "completed", "-1", "1e309", "2026-02-30"))
const VALUE = fc.oneof(SCALAR, fc.array(SCALAR, { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 }))
const OBJECT = fc.dictionary(FIELD, VALUE, { maxKeys: 5 })
const BODY = fc.oneof(
  { weight: 5, arbitrary: OBJECT.map((o) => ({ type: "application/json", data: JSON.stringify(o) })) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => ({ type: "application/json", data: JSON.stringify(v) })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((s) => ({ type: "application/json", data: s })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((s) => ({ type: "text/plain", data: s })) },
  { weight: 1, arbitrary: PRINTABLE.map((s) => ({ type: "application/x-www-form-urlencoded", data: s })) }
)
/**
 * A valid body per route that takes one: generated requests also send it with one field given a
 * generated value, or with one field more, so they get past "unknown field" into the handlers.
 */
const VALID: Record<string, Record<string, unknown>> = {
  "POST /store/portal/me": { first_name: "Layla", last_name: "Haddad", phone: "+971501234567" },
  "POST /store/portal/me/email-change": { email: "layla.new@example.com" },
  "POST /store/portal/login-requests": { business_id: "bus_x", email: "someone@example.com", locale: "en" },
  "POST /store/portal/sessions": { token: "A".repeat(43) },
  "POST /store/portal/email-changes": { token: "B".repeat(43) },
  "POST /store/portal/link-previews": { token: "C".repeat(43) },
  "POST /store/portal/subscriptions/:id/cancel": { when: "period_end", reason: "other", comment: "Moving on" },
  "POST /store/portal/subscriptions/:id/payment-method": { payment_method_id: "tc_unknown" },
  "POST /store/portal/payment-methods": { provider_id: "pp_test-card_test", payment_method_id: "tc_unknown" },
  "POST /store/portal/payment-methods/setups": { provider_id: "pp_test-card_test" },
  "POST /store/test-cards": { number: "4242424242424242", exp_month: 12, exp_year: 2031, cvc: "123" },
  "POST /licenses/validate": { key: "FUZZ-0000-0000-0000" },
  "POST /licenses/activate": { key: "FUZZ-0000-0000-0000", instance_name: "fuzz-desktop" },
  "POST /licenses/deactivate": { key: "FUZZ-0000-0000-0000", instance_name: "fuzz-desktop" },
  "POST /admin/customer-portal": { name: "Northwind" },
  "POST /admin/customer-portal/plans": { product_variant_id: "variant_unknown", interval: "month", interval_count: 1 },
  "POST /admin/customer-portal/license-plans": { product_variant_id: "variant_unknown", activation_limit: 3, validity_days: null, key_prefix: "NW" },
  "POST /admin/customer-portal/license-keys/import": { csv: "key,email,product_title\nFUZZ-1111-2222-3333-4444,layla@example.com,Tool\n", dry_run: true },
  "POST /admin/customers/:id/portal-sessions": { send_email: false, locale: "en" },
}

const asJson = (data: unknown) => ({ type: "application/json", data: JSON.stringify(data) })

/** Generated bodies for one route: anything at all, and near misses of its valid body. */
function bodyFor(route: string) {
  const valid = VALID[route]
  if (!valid) return BODY
  const keys = Object.keys(valid)
  return fc.oneof(
    { weight: 2, arbitrary: BODY },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...keys), VALUE).map(([key, value]) => asJson({ ...valid, [key]: value })) },
    { weight: 1, arbitrary: fc.constantFrom(...keys).map((key) => asJson(Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key)))) },
    { weight: 1, arbitrary: fc.tuple(FIELD, VALUE).map(([key, value]) => asJson({ ...valid, [key]: value })) }
  )
}

const QUERY = fc.dictionary(fc.oneof(FIELD, PRINTABLE.filter((k) => k.length > 0 && k.length < 12)), fc.oneof(PRINTABLE, fc.integer().map(String)), { maxKeys: 4 })
const HEADERS = fc.record(
  {
    "accept-language": PRINTABLE,
    "idempotency-key": PRINTABLE,
    "x-forwarded-host": PRINTABLE,
    "x-portal-locale": PRINTABLE,
  },
  { requiredKeys: [] }
)
const PARAMS = fc.oneof(fc.constant("real"), fc.constantFrom("unknown", "' OR 1=1 --", "%2e%2e%2f", "a".repeat(300), "0"))

const STACK = /\n\s+at |node_modules|\.tsx?:\d+|\.js:\d+|TypeError|ReferenceError|SyntaxError: Unexpected/

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    it(`answers ${RUNS} generated requests per route with a clear 4xx or a success — never a 5xx, a stack trace, or a refused request that changed anything`, async () => {
      const container = getContainer()
      const admin = await createAdminHeaders(container)
      const store = await createStoreHeaders(container)
      const service = container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
      const { business_id } = (await api.get("/admin/customer-portal", admin)).data.customer_portal
      const [portal] = await service.listCustomerPortals({}, { take: 1 })
      const [layla, sam] = await container.resolve(Modules.CUSTOMER).createCustomers([
        { email: "layla@example.com", first_name: "Layla", has_account: true },
        // Signs out (everywhere) on the routes that end sessions, so Layla's session lives through the run.
        { email: "sam@example.com", first_name: "Sam", has_account: true },
      ])
      const token = await portalSession(api, admin, store, layla.id)
      const mode = (await api.get("/store/portal/me", { headers: { ...store.headers, authorization: `Bearer ${token}` } })).data.session.mode
      const now = clock.now()
      const owned = await createOwnedObjects(container, { portal_id: portal.id, mode, customer_id: layla.id, tag: "FUZZ", now })
      const real: Record<string, string> = { business_id, id: "", activation_id: owned.activation_id }

      const snapshot = async () =>
        JSON.stringify(
          await Promise.all(
            [
              ["SELECT id, status, cancel_at_period_end, payment_method_id, updated_at FROM subscription ORDER BY id"],
              ["SELECT id, status, updated_at FROM invoice ORDER BY id"],
              ["SELECT id, status, updated_at FROM license_key ORDER BY id"],
              ["SELECT id, deactivated_at FROM license_activation ORDER BY id"],
              ["SELECT id, first_name, last_name, phone, email, updated_at FROM customer ORDER BY id"],
              ["SELECT id, revoked_at FROM portal_session ORDER BY id"],
              ["SELECT id, allow_cancellation, allow_profile_edit, name, updated_at FROM customer_portal ORDER BY id"],
            ].map(([sql]) => dbConnection.raw(sql).then((r: any) => r.rows))
          )
        )

      let address = 0
      const failures: string[] = []

      // Found by this search: a value that cannot become text (an object whose toString is not a function)
      // made Medusa's validation message throw, and the request was a 500. Every route with a body, once each.
      for (const [route, valid] of Object.entries(VALID)) {
        const [method, pattern] = route.split(" ")
        const field = Object.keys(valid)[0]
        const url = fillRoute(pattern, { id: layla.id, business_id })
        const res = await api
          .request({
            method,
            url,
            headers: { ...store.headers, ...(route.includes("/admin/") ? admin.headers : { authorization: `Bearer ${token}` }), "x-forwarded-for": `10.255.0.${address++ & 255}` },
            data: { ...valid, [field]: [{ toString: false }] },
            validateStatus: () => true,
          })
        if (res.status !== 400 || typeof res.data?.message !== "string") failures.push(`${route} with ${field}: [{ toString: false }] → ${res.status}`)
      }
      // What each route answered, to see that the generated requests reach past the checks.
      const answered: Record<string, Record<number, number>> = {}
      const samples: Record<string, string> = {}
      for (const route of routeTree()) {
        const [method, pattern] = route.split(" ")
        const isAdmin = pattern.startsWith("/admin/")
        const isPublic = PUBLIC.has(route)
        // Path ids: the real objects (so bodies reach the handlers) or junk; an admin's ids are always junk, so a
        // generated request can never revoke the session the portal routes are fuzzed with.
        const idFor = (p: string) =>
          p.includes("subscriptions") ? owned.subscription_id : p.includes("invoices") ? owned.invoice_id : p.includes("license-keys") ? owned.license_key_id : layla.id
        await fc.assert(
          fc.asyncProperty(bodyFor(route), QUERY, HEADERS, PARAMS, async (body, query, headers, params) => {
            const url = fillRoute(
              pattern,
              params === "real" && !isAdmin
                ? { ...real, id: idFor(pattern) }
                : { business_id: encodeURIComponent(params), id: encodeURIComponent(params), activation_id: encodeURIComponent(params) }
            )
            const search = new URLSearchParams(query).toString()
            let auth: Record<string, string> = {}
            if (isAdmin) auth = admin.headers
            else if (ENDS_ACCESS.has(route)) {
              // Each from its own address, so the harness's own sign-ins stay under the per-address limit.
              const origin = { headers: { ...store.headers, "x-forwarded-for": `172.16.${(address >> 8) & 255}.${address++ & 255}` } }
              auth = { authorization: `Bearer ${await portalSession(api, admin, origin, sam.id)}` }
            }
            else if (!isPublic) auth = { authorization: `Bearer ${token}` }
            const before = method === "GET" ? null : await snapshot()
            const res = await api
              .request({
                method,
                url: search ? `${url}?${search}` : url,
                headers: {
                  ...store.headers,
                  ...auth,
                  ...headers,
                  "x-forwarded-for": `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address++ & 255}`,
                  ...(method === "GET" ? {} : { "content-type": body.type }),
                },
                data: method === "GET" ? undefined : body.data,
                transformRequest: [(data: unknown) => data],
                responseType: "text",
                transformResponse: [(data: unknown) => data],
                validateStatus: () => true,
              })
              .catch((e: any) => e.response ?? { status: 0, data: String(e) })
            const text = typeof res.data === "string" ? res.data : ""
            const tally = (answered[route] ??= {})
            tally[res.status] = (tally[res.status] ?? 0) + 1
            if (process.env.FUZZ_REPORT && res.status === 400 && !samples[route]) samples[route] = `${body.data}`.slice(0, 120) + " → " + text.slice(0, 160)
            // Every problem is kept with the request that caused it, and the search goes on.
            const fail = (what: string) => {
              failures.push(`${route} ${url}${search ? `?${search}` : ""} ${body.type} ${JSON.stringify(body.data).slice(0, 200)} → ${res.status} ${what}`)
              return true
            }
            if (res.status === 0 || res.status >= 500) return fail(text.slice(0, 200))
            if (STACK.test(text)) return fail("an internal trace in the answer")
            if (res.status >= 400 && !(res.headers["content-type"] ?? "").includes("application/pdf")) {
              let message: unknown
              try {
                message = JSON.parse(text).message
              } catch {
                message = undefined
              }
              if (typeof message !== "string" || !message.trim()) return fail("no message")
            }
            if (before !== null && res.status >= 400 && (await snapshot()) !== before) return fail("refused, yet something changed")
            return true
          }),
          { numRuns: RUNS, seed: SEED }
        )
      }
      if (process.env.FUZZ_REPORT) {
        process.stdout.write(Object.entries(answered).map(([route, statuses]) => `${route}: ${JSON.stringify(statuses)} ${samples[route] ?? ""}`).join("\n") + "\n")
      }
      // Every portal route was reached with a live session at least once: the run did not go blind.
      for (const route of routeTree().filter((r) => r.includes("/store/portal/") && !PUBLIC.has(r))) {
        expect([route, Object.keys(answered[route] ?? {}).some((status) => status !== "401")]).toEqual([route, true])
      }
      expect(failures).toEqual([])
    })
  },
})

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { clock } from "../../src/lib/clock"
import { hashToken } from "../../src/lib/tokens"
import { CUSTOMER_PORTAL_MODULE } from "../../src/modules/customer-portal"
import type CustomerPortalModuleService from "../../src/modules/customer-portal/service"
import { createAdminHeaders, createStoreHeaders, portalSession } from "../helpers/auth"
import { createOwnedObjects, type OwnedObjects } from "../helpers/owned-objects"
import { fillRoute as fill, routeTree } from "../helpers/routes"

jest.setTimeout(300_000)

/** One customer's objects: what another customer must never reach. */
type Owned = OwnedObjects

/**
 * Who may call a route:
 * - `public`: anyone with the store's publishable key (sign-in, static page, license API, test cards);
 * - `portal`: a live portal session; `params` are the owner's objects in the path;
 * - `admin`: a signed-in admin user.
 * `body` is a valid body, so a refusal is about who asks, not what they sent.
 */
type Entry =
  | { access: "public" }
  | { access: "portal"; params?: (o: Owned) => Record<string, string>; body?: Record<string, unknown> }
  | { access: "admin"; body?: Record<string, unknown> }

const MATRIX: Record<string, Entry> = {
  "GET /admin/customer-portal": { access: "admin" },
  "POST /admin/customer-portal": { access: "admin", body: { name: "Northwind" } },
  "GET /admin/customer-portal/invoices": { access: "admin" },
  "GET /admin/customer-portal/invoices/:id": { access: "admin" },
  "GET /admin/customer-portal/invoices/:id/pdf": { access: "admin" },
  "GET /admin/customer-portal/license-keys": { access: "admin" },
  "POST /admin/customer-portal/license-keys/import": { access: "admin", body: { csv: "key,email\n" } },
  "GET /admin/customer-portal/license-keys/:id": { access: "admin" },
  "POST /admin/customer-portal/license-keys/:id/enable": { access: "admin" },
  "POST /admin/customer-portal/license-keys/:id/revoke": { access: "admin" },
  "GET /admin/customer-portal/license-plans": { access: "admin" },
  "POST /admin/customer-portal/license-plans": { access: "admin", body: { product_variant_id: "variant_x" } },
  "DELETE /admin/customer-portal/license-plans/:id": { access: "admin" },
  "GET /admin/customer-portal/plans": { access: "admin" },
  "POST /admin/customer-portal/plans": { access: "admin", body: { product_variant_id: "variant_x", interval: "month" } },
  "DELETE /admin/customer-portal/plans/:id": { access: "admin" },
  "GET /admin/customer-portal/subscriptions": { access: "admin" },
  "GET /admin/customer-portal/subscriptions/:id": { access: "admin" },
  "POST /admin/customer-portal/subscriptions/:id/cancel": { access: "admin" },
  "POST /admin/customer-portal/subscriptions/:id/retry": { access: "admin" },
  "POST /admin/customers/:id/portal-access/revoke": { access: "admin" },
  "POST /admin/customers/:id/portal-sessions": { access: "admin", body: { mode: "live" } },
  "GET /admin/customers/:id/portal-activity": { access: "admin" },
  "POST /licenses/activate": { access: "public" },
  "POST /licenses/deactivate": { access: "public" },
  "POST /licenses/validate": { access: "public" },
  "POST /store/test-cards": { access: "public" },
  "GET /store/portal/businesses/:business_id": { access: "public" },
  "POST /store/portal/login-requests": { access: "public" },
  "POST /store/portal/sessions": { access: "public" },
  "POST /store/portal/email-changes": { access: "public" },
  "POST /store/portal/link-previews": { access: "public" },
  "GET /store/portal/me": { access: "portal" },
  "POST /store/portal/me": { access: "portal", body: { first_name: "Changed" } },
  "POST /store/portal/me/email-change": { access: "portal", body: { email: "changed@example.com" } },
  "DELETE /store/portal/me/email-change": { access: "portal" },
  "POST /store/portal/me/email-confirmation": { access: "portal", body: {} },
  "GET /store/portal/orders": { access: "portal" },
  "GET /store/portal/invoices": { access: "portal" },
  "GET /store/portal/invoices/:id": { access: "portal", params: (o) => ({ id: o.invoice_id }) },
  "GET /store/portal/invoices/:id/pdf": { access: "portal", params: (o) => ({ id: o.invoice_id }) },
  "GET /store/portal/exports/invoices": { access: "portal" },
  "GET /store/portal/exports/invoice-pdfs": { access: "portal" },
  "GET /store/portal/subscriptions": { access: "portal" },
  "GET /store/portal/subscriptions/:id": { access: "portal", params: (o) => ({ id: o.subscription_id }) },
  "POST /store/portal/subscriptions/:id/cancel": { access: "portal", params: (o) => ({ id: o.subscription_id }), body: { when: "now", reason: "other" } },
  "POST /store/portal/subscriptions/:id/undo-cancel": { access: "portal", params: (o) => ({ id: o.subscription_id }) },
  "POST /store/portal/subscriptions/:id/payment-method": {
    access: "portal",
    params: (o) => ({ id: o.subscription_id }),
    body: { payment_method_id: "tc_unknown" },
  },
  "GET /store/portal/payment-methods": { access: "portal" },
  "POST /store/portal/payment-methods": { access: "portal", body: { provider_id: "pp_test-card_test", payment_method_id: "tc_unknown" } },
  "POST /store/portal/payment-methods/setups": { access: "portal", body: { provider_id: "pp_test-card_test" } },
  "GET /store/portal/payment-providers": { access: "portal" },
  "GET /store/portal/license-keys": { access: "portal" },
  "GET /store/portal/license-keys/:id": { access: "portal", params: (o) => ({ id: o.license_key_id }) },
  "POST /store/portal/license-keys/:id/reveal": { access: "portal", params: (o) => ({ id: o.license_key_id }) },
  "DELETE /store/portal/license-keys/:id/activations/:activation_id": {
    access: "portal",
    params: (o) => ({ id: o.license_key_id, activation_id: o.activation_id }),
  },
  "GET /store/portal/activity": { access: "portal" },
  "DELETE /store/portal/sessions/current": { access: "portal" },
  "DELETE /store/portal/sessions": { access: "portal" },
}

/** Routes that end the caller's own sessions: tried last, and by the owner with sessions of their own. */
const ENDS_SESSION = new Set(["DELETE /store/portal/sessions/current", "DELETE /store/portal/sessions"])

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    let n = 0
    const call = (method: string, url: string, config: { headers: Record<string, string> }, body?: unknown) => {
      const headers = { ...config.headers, "x-forwarded-for": `192.0.2.${(n++ % 250) + 1}` }
      const request =
        method === "GET"
          ? api.get(url, { headers })
          : method === "DELETE"
            ? api.delete(url, { headers, data: body })
            : (api as any)[method.toLowerCase()](url, body ?? {}, { headers })
      return request.catch((e: any) => e.response)
    }
    const as = (token: string) => ({ headers: { ...store.headers, authorization: `Bearer ${token}` } })

    it("lists every route of the plugin, and no entry without a route", () => {
      const routes = routeTree()
      expect(routes.filter((r) => !MATRIX[r])).toEqual([])
      expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([])
    })

    it("lets each route be used only by whom it is for, and never another customer's objects", async () => {
      const container = getContainer()
      admin = await createAdminHeaders(container)
      store = await createStoreHeaders(container)
      const service = container.resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
      await api.get("/admin/customer-portal", admin)
      const [portal] = await service.listCustomerPortals({}, { take: 1 })
      const [layla, omar] = await container.resolve(Modules.CUSTOMER).createCustomers([
        { email: "layla@example.com", first_name: "Layla", has_account: true },
        { email: "omar@example.com", first_name: "Omar", has_account: true },
      ])
      const tokens = {
        layla: await portalSession(api, admin, store, layla.id),
        omar: await portalSession(api, admin, store, omar.id),
        expired: await portalSession(api, admin, store, layla.id),
        revoked: await portalSession(api, admin, store, layla.id),
        signOut: await portalSession(api, admin, store, layla.id),
        omarElsewhere: await portalSession(api, admin, store, omar.id),
      }
      const mode = (await api.get("/store/portal/me", as(tokens.layla))).data.session.mode
      const now = clock.now()

      const owned = await createOwnedObjects(container, { portal_id: portal.id, mode, customer_id: layla.id, tag: "LAYLA", now })
      const others = await createOwnedObjects(container, { portal_id: portal.id, mode, customer_id: omar.id, tag: "OMAR", now })

      // Sessions that no longer work: one past its expiry, one signed out.
      await dbConnection.raw("UPDATE portal_session SET expires_at = now() - interval '1 minute' WHERE token_hash = ?", [hashToken(tokens.expired)])
      expect((await call("DELETE", "/store/portal/sessions/current", as(tokens.revoked))).status).toBeLessThan(300)

      const snapshot = async () =>
        JSON.stringify(
          await Promise.all([
            dbConnection.raw("SELECT id, status, cancel_at_period_end, payment_method_id, updated_at FROM subscription WHERE customer_id = ? ORDER BY id", [layla.id]),
            dbConnection.raw("SELECT id, status, updated_at FROM invoice WHERE customer_id = ? ORDER BY id", [layla.id]),
            dbConnection.raw("SELECT id, status, updated_at FROM license_key WHERE customer_id = ? ORDER BY id", [layla.id]),
            dbConnection.raw(
              "SELECT a.id, a.deactivated_at FROM license_activation a JOIN license_key k ON k.id = a.license_key_id WHERE k.customer_id = ? ORDER BY a.id",
              [layla.id]
            ),
            dbConnection.raw("SELECT id, first_name, email, updated_at FROM customer WHERE id = ?", [layla.id]),
          ]).then((results) => results.map((r: any) => r.rows))
        )
      const before = await snapshot()
      const leaks = (data: unknown) => {
        const text = JSON.stringify(data ?? "")
        return [owned.subscription_id, owned.invoice_id, owned.invoice_number, owned.license_key_id, owned.license_key, owned.activation_id, layla.id, "layla@example.com"].filter(
          (secret) => text.includes(secret)
        )
      }

      const failures: string[] = []
      const expectStatus = (label: string, status: number, allowed: number[]) => {
        if (!allowed.includes(status)) failures.push(`${label}: ${status}, expected ${allowed.join(" or ")}`)
      }
      const adminToken = admin.headers.authorization.split(" ")[1]

      const portalRoutes = Object.entries(MATRIX).filter(([route, e]) => e.access === "portal" && !ENDS_SESSION.has(route))
      for (const [route, entry] of [...portalRoutes, ...[...ENDS_SESSION].map((route) => [route, MATRIX[route]] as const)]) {
        if (entry.access !== "portal") continue
        const [method, pattern] = route.split(" ")
        const url = fill(pattern, entry.params?.(owned) ?? {})
        // No credentials, a dead session, and an admin's token: 401 with nothing in it.
        for (const [who, config] of [
          ["no credentials", store],
          ["expired session", as(tokens.expired)],
          ["signed-out session", as(tokens.revoked)],
          ["admin token", as(adminToken)],
          ["malformed token", as("not-a-token")],
        ] as const) {
          const res = await call(method, url, config, entry.body)
          expectStatus(`${route} as ${who}`, res.status, [401])
          if (leaks(res.data).length) failures.push(`${route} as ${who} showed ${leaks(res.data)}`)
        }
        // Another customer: the owner's objects are a 404; lists and pages show only their own.
        if (!ENDS_SESSION.has(route)) {
          const res = await call(method, url, as(tokens.omar), entry.body)
          if (entry.params) expectStatus(`${route} as another customer`, res.status, [404])
          if (leaks(res.data).length) failures.push(`${route} as another customer showed ${leaks(res.data)}`)
          // The owner's ids offered in the query and the body: refused or ignored, never followed.
          const offered = { customer_id: layla.id, customer_ids: [layla.id], id: owned.subscription_id, invoice_id: owned.invoice_id }
          const query = `${url}${url.includes("?") ? "&" : "?"}customer_id=${layla.id}&id=${owned.invoice_id}`
          const viaQuery = await call(method, query, as(tokens.omar), entry.body)
          if (viaQuery.status < 300 && leaks(viaQuery.data).length) failures.push(`${route} with the owner's ids in the query showed ${leaks(viaQuery.data)}`)
          if (method !== "GET") {
            const viaBody = await call(method, url, as(tokens.omar), { ...(entry.body ?? {}), ...offered })
            if (leaks(viaBody.data).length) failures.push(`${route} with the owner's ids in the body showed ${leaks(viaBody.data)}`)
          }
        }
      }

      for (const [route, entry] of Object.entries(MATRIX).filter(([, e]) => e.access === "admin")) {
        if (entry.access !== "admin") continue
        const [method, pattern] = route.split(" ")
        const url = fill(pattern, { id: owned.subscription_id.replace(/^sub_/, "sub_missing") })
        for (const [who, config] of [
          ["no credentials", { headers: {} }],
          ["the owner's portal session", { headers: { authorization: `Bearer ${tokens.layla}` } }],
          ["a publishable key", store],
        ] as const) {
          const res = await call(method, url, config, entry.body)
          expectStatus(`${route} as ${who}`, res.status, [401])
          if (leaks(res.data).length) failures.push(`${route} as ${who} showed ${leaks(res.data)}`)
        }
      }

      // Nothing of the owner's changed through any of it.
      expect(await snapshot()).toBe(before)

      // The owner and the admin get through (an unknown id is the admin's 404, not a 401).
      for (const [route, entry] of [...portalRoutes, ...Object.entries(MATRIX).filter(([, e]) => e.access === "admin")]) {
        const [method, pattern] = route.split(" ")
        if (entry.access === "portal") {
          // Writes are sent with a body the route refuses (400), so the owner's objects stay as they are.
          const res = await call(method, fill(pattern, entry.params?.(owned) ?? {}), as(tokens.layla), method === "GET" ? undefined : { unexpected: true })
          expectStatus(`${route} as the owner`, res.status, method === "GET" ? [200] : [200, 201, 400])
        } else if (entry.access === "admin") {
          const res = await call(method, fill(pattern, {}), admin, { unexpected: true })
          expectStatus(`${route} as the admin`, res.status, pattern.includes(":") ? [400, 404] : method === "GET" ? [200] : [400])
        }
      }
      // Another customer's own objects are theirs: the matrix refused by ownership, not by accident.
      expect((await call("GET", `/store/portal/invoices/${others.invoice_id}`, as(tokens.omar))).status).toBe(200)
      expectStatus("DELETE /store/portal/sessions/current as the owner", (await call("DELETE", "/store/portal/sessions/current", as(tokens.signOut))).status, [200, 204])
      expectStatus("the signed-out session afterwards", (await call("GET", "/store/portal/me", as(tokens.signOut))).status, [401])
      // Signing out everywhere ends only the caller's own sessions: Omar's other one goes, Layla's stays.
      expectStatus("DELETE /store/portal/sessions as another customer", (await call("DELETE", "/store/portal/sessions", as(tokens.omar))).status, [200])
      expectStatus("another customer's other session afterwards", (await call("GET", "/store/portal/me", as(tokens.omarElsewhere))).status, [401])
      expectStatus("the owner's session afterwards", (await call("GET", "/store/portal/me", as(tokens.layla))).status, [200])

      // Public routes answer without a session (a 4xx for the empty body, never a 401 or 403).
      for (const [route] of Object.entries(MATRIX).filter(([, e]) => e.access === "public")) {
        const [method, pattern] = route.split(" ")
        const res = await call(method, fill(pattern, { business_id: "bus_unknown" }), store, {})
        if ([401, 403].includes(res.status) || res.status >= 500) failures.push(`${route} without a session: ${res.status}`)
      }

      expect(failures).toEqual([])
    })
  },
})

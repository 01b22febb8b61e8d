import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"
import { linkIn, readOutbox, tokenOf } from "./outbox"

/** An admin user signed in with a bearer token, as the Medusa admin would be. */
export async function createAdminHeaders(container: MedusaContainer) {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const email = `admin-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`
  const user = await userModule.createUsers({ email })
  const identity = await authModule.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: email }],
    app_metadata: { user_id: user.id },
  })
  const token = jwt.sign(
    { actor_id: user.id, actor_type: "user", auth_identity_id: identity.id, app_metadata: { user_id: user.id } },
    process.env.JWT_SECRET || "supersecret",
    { expiresIn: "1d" }
  )
  return { headers: { authorization: `Bearer ${token}` }, user }
}

/** Every store route needs a publishable API key. */
export async function createStoreHeaders(container: MedusaContainer) {
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const key = await apiKeyModule.createApiKeys({ title: "Test storefront", type: "publishable", created_by: "test" })
  return { headers: { "x-publishable-api-key": key.token } }
}

/** A secret API key, as a merchant's own server would call the admin API with. */
export async function createSecretKeyHeaders(container: MedusaContainer) {
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const key = await apiKeyModule.createApiKeys({ title: "Merchant server", type: "secret", created_by: "test" })
  return { headers: { authorization: `Basic ${Buffer.from(`${key.token}:`).toString("base64")}` } }
}

type Headers = { headers: Record<string, string> }
type Api = { post: (url: string, body: unknown, config: Headers) => Promise<{ data: any }> }

/** A portal session for a customer, made as the admin's "Share invite" link and its redemption make one; its token. */
export async function portalSession(api: Api, admin: Headers, store: Headers, customerId: string): Promise<string> {
  const { link } = (await api.post(`/admin/customers/${customerId}/portal-sessions`, {}, admin)).data.portal_session
  return (await api.post("/store/portal/sessions", { token: tokenOf(link) }, store)).data.session_token
}

/**
 * A portal session signed in by a link the store emailed to the customer (the admin's "Create and
 * email link"), as a customer who proved their address has one: it sees every record of the
 * address. The email is read from `outbox` (see `useOutbox`); its token.
 */
export async function emailedPortalSession(api: Api, admin: Headers, store: Headers, customerId: string, outbox: string): Promise<string> {
  const before = new Set(readOutbox(outbox).map((e) => e.html))
  await api.post(`/admin/customers/${customerId}/portal-sessions`, { send_email: true }, admin)
  const deadline = Date.now() + 10_000
  for (;;) {
    const sent = readOutbox(outbox).find((e) => e.template === "portal-invite" && !before.has(e.html))
    if (sent) return (await api.post("/store/portal/sessions", { token: tokenOf(linkIn(sent)) }, store)).data.session_token
    if (Date.now() > deadline) throw new Error("The emailed portal link did not arrive.")
    await new Promise((r) => setTimeout(r, 100))
  }
}

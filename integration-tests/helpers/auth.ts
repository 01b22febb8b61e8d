import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"

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

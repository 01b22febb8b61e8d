import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_PORTAL_MODULE } from "../../../../modules/customer-portal"
import type CustomerPortalModuleService from "../../../../modules/customer-portal/service"
import { presentAdminLicenseKey } from "../../../utils/admin-license"
import type { AdminListLicenseKeysType } from "../../validators"

/** Every license key, newest first: by key or customer email (or their start), status, customer and mode. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, q, status, customer_id, mode } = req.validatedQuery as AdminListLicenseKeysType
  const service: CustomerPortalModuleService = req.scope.resolve(CUSTOMER_PORTAL_MODULE)
  const filters: Record<string, unknown> = { ...(status ? { status } : {}), ...(customer_id ? { customer_id } : {}), ...(mode ? { mode } : {}) }
  if (q) {
    const like = `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const customers = q.includes("@")
      ? await req.scope.resolve(Modules.CUSTOMER).listCustomers({ email: { $ilike: like.toLowerCase() } } as any, { take: 200, select: ["id"] })
      : []
    filters.$or = [{ key: { $ilike: like.toUpperCase() } }, ...(customers.length ? [{ customer_id: customers.map((c) => c.id) }] : [])]
  }
  const [keys, count] = await service.listAndCountLicenseKeys(filters, { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } })
  const used = await service.countActivations(keys.map((key) => key.id))
  const emails = await customerEmails(req, keys.map((key) => key.customer_id))
  res.json({ license_keys: keys.map((key) => presentAdminLicenseKey(key, used.get(key.id) ?? 0, emails.get(key.customer_id) ?? null)), count, limit, offset })
}

async function customerEmails(req: AuthenticatedMedusaRequest, ids: string[]) {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map<string, string>()
  const customers = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: unique }, { select: ["id", "email"], take: unique.length })
  return new Map(customers.map((c) => [c.id, c.email]))
}

import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { LicenseKeyRow, LicenseState } from "../service"
import type { SubscriptionStatus } from "../subscription-state"

/**
 * License keys and their activations: the statements that must hold under concurrency (one
 * activation per instance, a limit counted under the key's row lock, keys issued once per unit)
 * and the rule by which a subscription's keys follow it. The service's methods of the same names
 * run these, in their transactions.
 */

/**
 * Why a key is not one the caller asks about, or null when it is: a test key
 * is never valid to a caller asking about live keys (the license API's
 * default), nor a live key to one asking about test keys.
 */
export function licenseModeRefusal(key: Pick<LicenseState, "mode">, mode: "test" | "live"): { code: string; message: string } | null {
  if (key.mode === mode) return null
  return key.mode === "test"
    ? { code: "test_key", message: "This is a test license key: it is valid only to software that asks about test keys (mode test)." }
    : { code: "live_key", message: "This is a live license key: ask about it without mode test." }
}

/** Why a license key cannot be used now (by a caller asking about keys of `mode`, when given), or null when it can. */
export function licenseRefusal(
  key: Pick<LicenseState, "status" | "expires_at" | "mode">,
  now: Date,
  mode?: "test" | "live"
): { code: string; message: string } | null {
  const wrongMode = mode ? licenseModeRefusal(key, mode) : null
  if (wrongMode) return wrongMode
  if (key.status === "revoked") return { code: "revoked", message: "This license key has been revoked." }
  if (key.status === "disabled") return { code: "disabled", message: "This license key is disabled until its subscription is paid." }
  if (key.status === "expired" || (key.expires_at && new Date(key.expires_at) <= now)) return { code: "expired", message: "This license key has expired." }
  return null
}

export async function revokeOrderLicenseKeys(manager: EntityManager, input: { order_id: string; reason: "order_canceled" | "order_refunded"; now: Date }): Promise<LicenseKeyRow[]> {
  const before = (await manager.execute(
    `SELECT * FROM license_key WHERE order_id = ? AND status <> 'revoked' AND deleted_at IS NULL FOR UPDATE`,
    [input.order_id]
  )) as LicenseKeyRow[]
  if (before.length) {
    await manager.execute(
      `UPDATE license_key SET status = 'revoked', revoked_at = ?, revoked_reason = ?, updated_at = now() WHERE id IN (${before.map(() => "?").join(", ")})`,
      [input.now, input.reason, ...before.map((key) => key.id)]
    )
  }
  return before
}

export async function restoreLicenseKeyState(manager: EntityManager, before: LicenseKeyRow): Promise<void> {
  await manager.execute(`UPDATE license_key SET status = ?, revoked_at = ?, revoked_reason = ?, disabled_at = ?, expires_at = ?, updated_at = now() WHERE id = ?`, [
    before.status,
    before.revoked_at,
    before.revoked_reason ?? null,
    before.disabled_at,
    before.expires_at,
    before.id,
  ])
}

export async function deactivateLicense(manager: EntityManager, input: { license_key_id: string; instance_name?: string; activation_id?: string; now: Date }): Promise<boolean> {
  const rows = (await manager.execute(
    `UPDATE license_activation SET deactivated_at = ?, updated_at = now()
     WHERE license_key_id = ? AND deactivated_at IS NULL AND deleted_at IS NULL AND ${input.activation_id ? "id = ?" : "instance_name = ?"}
     RETURNING id`,
    [input.now, input.license_key_id, input.activation_id ?? input.instance_name]
  )) as { id: string }[]
  return rows.length > 0
}

/** A key to issue for one unit of an order line. */
export type LicenseKeyToIssue = {
  portal_id: string
  mode: "test" | "live"
  key: string
  customer_id: string
  order_id: string
  order_line_item_id: string
  line_unit: number
  product_variant_id: string | null
  subscription_id: string | null
  product_title: string
  activation_limit: number | null
  expires_at: Date | null
  disabled_at: Date | null
}

export async function issueLicenseKeys(manager: EntityManager, keys: LicenseKeyToIssue[]): Promise<string[]> {
  if (!keys.length) return []
  const columns = ["id", "portal_id", "mode", "key", "customer_id", "order_id", "order_line_item_id", "line_unit", "product_variant_id", "subscription_id", "product_title", "status", "activation_limit", "expires_at", "disabled_at"] as const
  const rows = keys.map((k) => ({ ...k, id: generateEntityId(undefined, "lkey"), status: k.disabled_at ? "disabled" : "active" }))
  const placeholders = rows.map(() => `(${columns.map(() => "?").join(", ")}, now(), now())`).join(", ")
  const bindings = rows.flatMap((row) => columns.map((c) => (row as Record<string, unknown>)[c] ?? null))
  const inserted = (await manager.execute(
    `INSERT INTO license_key (${columns.join(", ")}, created_at, updated_at) VALUES ${placeholders}
     ON CONFLICT (order_line_item_id, line_unit) WHERE order_line_item_id IS NOT NULL AND deleted_at IS NULL DO NOTHING
     RETURNING id`,
    bindings
  )) as { id: string }[]
  return inserted.map((row) => row.id)
}

export async function countActivations(manager: EntityManager, licenseKeyIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  if (!licenseKeyIds.length) return counts
  const rows = (await manager.execute(
    `SELECT license_key_id, count(*)::int AS n FROM license_activation
     WHERE license_key_id IN (${licenseKeyIds.map(() => "?").join(", ")}) AND deactivated_at IS NULL AND deleted_at IS NULL
     GROUP BY license_key_id`,
    licenseKeyIds
  )) as { license_key_id: string; n: number }[]
  for (const row of rows) counts.set(row.license_key_id, Number(row.n))
  return counts
}

/**
 * The license keys of a subscription follow it, in the transaction that
 * moves it: disabled while it is on hold, enabled again when it is active,
 * expired when it ends. Keys the merchant revoked stay revoked.
 */
export async function followSubscription(manager: EntityManager, subscriptionId: string, to: SubscriptionStatus, now: Date, onlyKeyId?: string) {
  const only = onlyKeyId ? " AND id = ?" : ""
  const keyParams = onlyKeyId ? [onlyKeyId] : []
  if (to === "on_hold") {
    await manager.execute(
      `UPDATE license_key SET status = 'disabled', disabled_at = ?, updated_at = now() WHERE subscription_id = ? AND status = 'active' AND deleted_at IS NULL${only}`,
      [now, subscriptionId, ...keyParams]
    )
  } else if (to === "active") {
    await manager.execute(
      `UPDATE license_key SET status = 'active', disabled_at = NULL, updated_at = now() WHERE subscription_id = ? AND status = 'disabled' AND deleted_at IS NULL${only}`,
      [subscriptionId, ...keyParams]
    )
  } else {
    await manager.execute(
      `UPDATE license_key SET status = 'expired', expires_at = LEAST(COALESCE(expires_at, ?), ?), updated_at = now()
       WHERE subscription_id = ? AND status IN ('active', 'disabled') AND deleted_at IS NULL${only}`,
      [now, now, subscriptionId, ...keyParams]
    )
  }
}

export async function readLicense(manager: EntityManager, key: string, lock: boolean): Promise<LicenseState | null> {
  const [row] = (await manager.execute(
    `SELECT id, key, status, mode, product_title, activation_limit, expires_at FROM license_key WHERE key = ? AND deleted_at IS NULL${lock ? " FOR UPDATE" : ""}`,
    [key]
  )) as Omit<LicenseState, "activations">[]
  if (!row) return null
  const activations = (await manager.execute(
    `SELECT id, instance_name, created_at, last_validated_at FROM license_activation
     WHERE license_key_id = ? AND deactivated_at IS NULL AND deleted_at IS NULL ORDER BY created_at`,
    [row.id]
  )) as LicenseState["activations"]
  return { ...row, activations }
}

export async function findLicense(manager: EntityManager, key: string): Promise<LicenseState | null> {
  return readLicense(manager, key, false)
}

export async function activateLicense(manager: EntityManager, input: { key: string; instance_name: string; mode: "test" | "live"; now: Date }): Promise<
    | { license: LicenseState; activation: LicenseState["activations"][number]; created: boolean; refused?: undefined }
    | { license: LicenseState; refused: { code: string; message: string } }
  > {
  const license = await readLicense(manager, input.key, true)
  if (!license) throw new MedusaError(MedusaError.Types.NOT_FOUND, "There is no such license key.")
  const refusal = licenseRefusal(license, input.now, input.mode)
  if (refusal) return { license, refused: refusal }
  const existing = license.activations.find((a) => a.instance_name === input.instance_name)
  if (existing) {
    await manager.execute(`UPDATE license_activation SET last_validated_at = ?, updated_at = now() WHERE id = ?`, [input.now, existing.id])
    return { license, activation: { ...existing, last_validated_at: input.now }, created: false }
  }
  if (license.activation_limit !== null && license.activations.length >= license.activation_limit) {
    return {
      license,
      refused: {
        code: "activation_limit_reached",
        message: `This license key is already active on ${license.activations.length} of ${license.activation_limit} instances. Deactivate one to use it here.`,
      },
    }
  }
  const id = generateEntityId(undefined, "lact")
  await manager.execute(
    `INSERT INTO license_activation (id, license_key_id, instance_name, last_validated_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    [id, license.id, input.instance_name, input.now, input.now, input.now]
  )
  const activation = { id, instance_name: input.instance_name, created_at: input.now, last_validated_at: input.now }
  return { license: { ...license, activations: [...license.activations, activation] }, activation, created: true }
}

export async function setLicenseKeyRevoked(manager: EntityManager, input: { id: string; revoked: boolean; now: Date }): Promise<LicenseKeyRow> {
  const [before] = (await manager.execute(`SELECT * FROM license_key WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [input.id])) as LicenseKeyRow[]
  if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no license key with the id ${input.id}.`)
  if (input.revoked) {
    if (before.status === "revoked") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This license key is already revoked.")
    await manager.execute(`UPDATE license_key SET status = 'revoked', revoked_at = ?, revoked_reason = 'merchant', updated_at = now() WHERE id = ?`, [input.now, input.id])
    return before
  }
  if (before.status !== "revoked") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Only a revoked license key can be enabled again.")
  await manager.execute(`UPDATE license_key SET status = 'active', revoked_at = NULL, revoked_reason = NULL, disabled_at = NULL, updated_at = now() WHERE id = ?`, [input.id])
  if (before.subscription_id) {
    const [sub] = (await manager.execute(`SELECT status FROM subscription WHERE id = ? AND deleted_at IS NULL`, [before.subscription_id])) as {
      status: SubscriptionStatus
    }[]
    if (sub) await followSubscription(manager, before.subscription_id, sub.status, input.now, input.id)
  }
  return before
}

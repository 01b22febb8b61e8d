import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"
import { CUSTOMER_PORTAL_MODULE } from "../modules/customer-portal"
import type CustomerPortalModuleService from "../modules/customer-portal/service"

/** The lock every change of a subscription's billing takes. */
export const subscriptionLockKey = (id: string) => `customer-portal:subscription:${id}`

/** A holder's lease: short, so a process that dies holding it frees it soon; renewed while the holder works. */
const LEASE_SECONDS = 30
const RENEW_EVERY_MS = 10_000

export class SubscriptionLocked extends MedusaError {
  constructor() {
    super(MedusaError.Types.CONFLICT, "This subscription is being changed right now. Try again in a moment.", "subscription_locked")
  }
}

/** The leases this process keeps alive, by holder. */
const keepers = new Map<string, NodeJS.Timeout>()

/**
 * Takes the subscription's lock through the Locking Module, so it holds
 * across processes with a PostgreSQL or Redis provider, and keeps its lease
 * alive until `releaseSubscriptionLock`. Each holder names itself (two
 * anonymous holders could both take a key in Medusa's PostgreSQL provider).
 * The lease is 30 seconds, renewed every 10 while the holder's process
 * lives, so a holder that is killed (a server restarted mid-charge) frees
 * the subscription within 30 seconds; a lease that ran out is cleared even
 * where the provider itself would keep it. A lease can still lapse under a
 * live holder (an event loop blocked for longer than it): charges are
 * therefore fenced as well (`takeChargeFence`). `waitMs` 0 gives up at once
 * when the lock is taken. Returns the holder's name.
 */
export async function acquireSubscriptionLock(
  container: MedusaContainer,
  id: string,
  options: { waitMs?: number; leaseSeconds?: number } = {}
): Promise<string> {
  const locking = container.resolve(Modules.LOCKING)
  const key = subscriptionLockKey(id)
  const ownerId = `holder_${randomUUID()}`
  const lease = options.leaseSeconds ?? LEASE_SECONDS
  const deadline = Date.now() + (options.waitMs ?? 0)
  for (let attempt = 0; ; attempt++) {
    try {
      await locking.acquire(key, { ownerId, expire: lease })
      break
    } catch {
      const freed = await container
        .resolve<CustomerPortalModuleService>(CUSTOMER_PORTAL_MODULE)
        .clearExpiredLock(key)
        .catch(() => false)
      if (freed) continue
      if (Date.now() >= deadline) throw new SubscriptionLocked()
      await sleep(Math.min(100 * 2 ** Math.min(attempt, 3), 500))
    }
  }
  // Taking the lock again as its owner extends the lease (both providers).
  const renewal = setInterval(() => {
    locking.acquire(key, { ownerId, expire: lease }).catch((error: unknown) =>
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Customer portal: could not renew the lock of subscription ${id}: ${(error as Error)?.message ?? error}`)
    )
  }, Math.min(RENEW_EVERY_MS, (lease * 1000) / 3))
  renewal.unref()
  keepers.set(ownerId, renewal)
  return ownerId
}

/** Releases a lock taken by `acquireSubscriptionLock` (a lock already lost is no error). */
export async function releaseSubscriptionLock(container: MedusaContainer, id: string, ownerId: string): Promise<void> {
  clearInterval(keepers.get(ownerId))
  keepers.delete(ownerId)
  await container
    .resolve(Modules.LOCKING)
    .release(subscriptionLockKey(id), { ownerId })
    .catch(() => undefined)
}

import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"

/** The lock every change of a subscription's billing takes. */
export const subscriptionLockKey = (id: string) => `customer-portal:subscription:${id}`

export class SubscriptionLocked extends MedusaError {
  constructor() {
    super(MedusaError.Types.CONFLICT, "This subscription is being changed right now. Try again in a moment.")
  }
}

/**
 * Runs `job` holding the subscription's lock through the Locking Module, so
 * it holds across processes with a PostgreSQL or Redis provider. Each holder
 * names itself (two anonymous holders could both take a key in Medusa's
 * PostgreSQL provider), the lock expires on its own if its holder dies, and it
 * is released whatever the job does. `waitMs` 0 gives up at once when the
 * lock is taken.
 */
export async function withSubscriptionLock<T>(container: MedusaContainer, id: string, job: () => Promise<T>, options: { waitMs?: number; ttlSeconds?: number } = {}): Promise<T> {
  const locking = container.resolve(Modules.LOCKING)
  const key = subscriptionLockKey(id)
  const ownerId = `holder_${randomUUID()}`
  const deadline = Date.now() + (options.waitMs ?? 0)
  for (;;) {
    try {
      await locking.acquire(key, { ownerId, expire: options.ttlSeconds ?? 600 })
      break
    } catch {
      if (Date.now() >= deadline) throw new SubscriptionLocked()
      await sleep(100)
    }
  }
  try {
    return await job()
  } finally {
    await locking.release(key, { ownerId }).catch(() => undefined)
  }
}

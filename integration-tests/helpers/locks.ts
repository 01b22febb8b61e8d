import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { subscriptionLockKey } from "../../src/lib/subscription-lock"

/** Whether nobody holds the subscription's lock, asked of the Locking Module itself (any provider): it can be taken and given back at once. */
export async function subscriptionUnlocked(container: MedusaContainer, subscriptionId: string): Promise<boolean> {
  const locking = container.resolve(Modules.LOCKING)
  const key = subscriptionLockKey(subscriptionId)
  const ownerId = `probe_${Date.now()}_${Math.random().toString(36).slice(2)}`
  try {
    await locking.acquire(key, { ownerId, expire: 5 })
  } catch {
    return false
  }
  await locking.release(key, { ownerId })
  return true
}

import { genericAdapter } from "./generic"
import { stripeAdapter } from "./stripe"
import { testCardAdapter } from "./test-card"
import type { PortalPaymentAdapter } from "./types"

export * from "./types"
export { genericAdapter, stripeAdapter, testCardAdapter }

/** The providers the portal has a card form for. */
const KNOWN: PortalPaymentAdapter[] = [testCardAdapter, stripeAdapter]

/** The adapter of a provider that can collect cards in the portal, or null. */
export const knownAdapterFor = (providerId: string | null | undefined): PortalPaymentAdapter | null =>
  (providerId && KNOWN.find((adapter) => adapter.handles(providerId))) || null

/** The adapter of a provider: its own, or the generic one. */
export const adapterFor = (providerId: string | null | undefined): PortalPaymentAdapter => knownAdapterFor(providerId) ?? genericAdapter

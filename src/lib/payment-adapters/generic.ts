import { testCardAdapter } from "./test-card"
import { stripeAdapter } from "./stripe"
import { cardFields, type PortalPaymentAdapter } from "./types"

/**
 * A provider no adapter knows: what the portal did before adapters, reading
 * both shapes it knew (a card at the top of the data, or under `card`).
 */
export const genericAdapter: PortalPaymentAdapter = {
  kind: "generic",
  handles: () => true,
  // Saved as the test card provider saves: the form's method id as it is.
  save: testCardAdapter.save,
  listable: () => true,
  cardOf: (data) => cardFields((data as { card?: unknown } | null | undefined)?.card ?? data),
  chargeData: testCardAdapter.chargeData,
  declineOf: testCardAdapter.declineOf,
  nextActionOf: testCardAdapter.nextActionOf,
  isIndeterminate: () => false,
  methodIdOfPayment: (data) => testCardAdapter.methodIdOfPayment(data) ?? stripeAdapter.methodIdOfPayment(data),
  checkoutSaveHint: `the provider's own flag (the test card provider: ${testCardAdapter.checkoutSaveHint}; Stripe: ${stripeAdapter.checkoutSaveHint})`,
}

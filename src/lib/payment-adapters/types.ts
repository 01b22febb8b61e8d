import type { MedusaContainer } from "@medusajs/framework/types"

/** What the customer must do before a charge can go on. */
export type NextAction = { type: "confirm_card" } | { type: "stripe_sdk"; client_secret: string }
/** A provider's refusal of a payment: its code (when it gave a known one) and the sentence. */
export type Decline = { code: string | null; message: string }
/** What the portal shows of a card. */
export type CardDetails = { brand: string | null; last4: string | null; exp_month: number | null; exp_year: number | null }
/** An account holder as the Payment Module keeps it: `data` is the provider's customer (Stripe: `cus_…`). */
export type AdapterHolder = { id: string; provider_id: string; data: Record<string, unknown>; external_id?: string; customer_id?: string }
export type SavedMethod = { id: string; data: Record<string, unknown> }
export type PaymentAdapterKind = "test-card" | "stripe" | "generic"

/**
 * What the portal needs to know of one payment provider: what it sends to
 * the Payment Module for it, and how it reads the provider's data. The portal
 * talks to providers only through the Payment Module; an adapter never calls
 * a provider's API itself.
 */
export interface PortalPaymentAdapter {
  kind: PaymentAdapterKind
  handles(providerId: string): boolean
  /** Saving a card needs a provider object first (Stripe: a SetupIntent the browser confirms). */
  beginSave?(scope: MedusaContainer, holder: AdapterHolder, providerId: string, key: string): Promise<{ id: string; client_secret: string }>
  /** Turns what the provider's form produced into a saved method of this holder, or refuses (a MedusaError). */
  save(scope: MedusaContainer, holder: AdapterHolder, providerId: string, input: { payment_method_id: string }, key: string): Promise<SavedMethod>
  /** Whether a listed method is offered to the customer. */
  listable(data: Record<string, unknown> | null | undefined): boolean
  cardOf(data: Record<string, unknown> | null | undefined): CardDetails
  /** What a charge of a saved method sends as the payment session's data. */
  chargeData(methodId: string, o: { offSession: boolean; confirmation?: "completed" }): Record<string, unknown>
  /** A payment session's refusal, read from its data; null when it says none. */
  declineOf(data: Record<string, unknown> | null | undefined): Decline | null
  nextActionOf(data: Record<string, unknown> | null | undefined): NextAction | null
  /** The provider may still take the money: the outcome is not known. */
  isIndeterminate(data: Record<string, unknown> | null | undefined): boolean
  /** The saved method a checkout's payment was made with. */
  methodIdOfPayment(data: Record<string, unknown> | null | undefined): string | undefined
  /** What a storefront sends at checkout so that the method is saved for renewals. */
  checkoutSaveHint: string
}

const text = (v: unknown) => (typeof v === "string" ? v : null)
const num = (v: unknown) => (typeof v === "number" ? v : null)

/** The card fields of a provider's card object, nothing else of it. */
export function cardFields(card: unknown): CardDetails {
  const c = (card && typeof card === "object" ? card : {}) as Record<string, unknown>
  return { brand: text(c.brand), last4: text(c.last4), exp_month: num(c.exp_month), exp_year: num(c.exp_year) }
}
